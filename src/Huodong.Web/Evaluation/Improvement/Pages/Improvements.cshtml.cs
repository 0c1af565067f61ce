using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Evaluation.Improvement.Pages;

/// <summary><c>/console/improvements</c> (V3.3): every improvement action, filtered by status, format and overdue, for the community head and staff.</summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class ImprovementsModel(ImprovementQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public ImprovementStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ActivityFormat? Format { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Page<ImprovementView> List { get; private set; } = new([], 0);
    public Paging Paging { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Paging = Paging.From(PageNumber, 50);
        var list = await queries.ListAsync(Actor.From(User), new ImprovementFilter(Status, Format, Overdue ? true : null), Paging, ct);
        if (!list.IsOk) return Forbid();
        List = list.Value!;
        return Page();
    }
}
