using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Budget.Pages;

/// <summary><c>/console/finance/ledger</c>: every expense across activities (B2.4), filtered by activity, status, category and date.</summary>
[Authorize(Roles = Roles.Finance + "," + Roles.Leader + "," + Roles.Admin)]
public sealed class LedgerModel(BudgetQueries queries, Data.HuodongDb db) : BudgetPage
{
    [BindProperty(SupportsGet = true)] public Guid? ActivityId { get; set; }
    [BindProperty(SupportsGet = true)] public ExpenseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public BudgetCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Shared.Page<ExpenseView> Rows { get; private set; } = new([], 0);
    public Paging Paging { get; private set; }
    public IReadOnlyList<(Guid Id, string Title)> Activities { get; private set; } = [];
    public decimal Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Paging = Paging.From(PageNumber, 50);
        var result = await queries.LedgerAsync(Actor.From(User), new LedgerFilter(ActivityId, Status, Category, From, To), Paging, ct);
        if (!result.IsOk) return Forbid();
        Rows = result.Value!;
        Total = Rows.Items.Sum(r => r.Amount);
        var ids = db.Set<Expense>().Select(e => e.ActivityId).Distinct();
        Activities = (await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Title)
            .Select(a => new { a.Id, a.Title }).ToListAsync(ct)).Select(a => (a.Id, a.Title)).ToList();
        return Page();
    }
}
