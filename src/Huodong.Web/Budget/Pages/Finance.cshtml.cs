using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Budget.Pages;

/// <summary>
/// <c>/console/finance</c>: Finance's inbox (submitted expenses to decide, approved ones to pay) and the Leader's
/// (escalated expenses, budget adjustments), with the decision forms; the ledger is one link away.
/// </summary>
[Authorize(Roles = Roles.Finance + "," + Roles.Leader)]
public sealed class FinanceModel(BudgetQueries queries, DecideExpense decide, AdjustBudget adjust,
    IStringLocalizer<SharedResource> l) : BudgetPage
{
    public Inbox Inbox { get; private set; } = null!;
    public Guid? FailedId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Inbox = await queries.InboxAsync(Actor.From(User), ct);

    public async Task<IActionResult> OnPostDecideAsync(Guid expenseId, string? decision, string? reason, CancellationToken ct)
    {
        var result = await decide.DecideAsync(Actor.From(User), expenseId, new DecisionInput(decision, reason), ct);
        return await AfterAsync(expenseId, result.IsOk ? null : result.Error,
            result.Value?.Status switch
            {
                ExpenseStatus.AwaitingLeader => "Approved by Finance; the amount is above the threshold, so the leader decides next.",
                ExpenseStatus.Rejected => "The expense is rejected and its amount is back on the budget line.",
                _ => "The expense is approved.",
            }, ct);
    }

    public async Task<IActionResult> OnPostPayAsync(Guid expenseId, string? reference, CancellationToken ct)
    {
        var result = await decide.PayAsync(Actor.From(User), expenseId, new PaymentInput(reference), ct);
        return await AfterAsync(expenseId, result.IsOk ? null : result.Error, "The expense is marked as paid.", ct);
    }

    public async Task<IActionResult> OnPostAdjustmentAsync(Guid adjustmentId, string? decision, string? reason, CancellationToken ct)
    {
        var result = await adjust.DecideAsync(Actor.From(User), adjustmentId, new DecisionInput(decision, reason), ct);
        return await AfterAsync(adjustmentId, result.IsOk ? null : result.Error, "The budget adjustment is decided.", ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Error? error, string notice, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Notice"] = notice;
            return LocalRedirect("/console/finance");
        }
        if (error.Kind == ErrorKind.NotFound && error.Fields is null) return NotFound();
        FailedId = id;
        ModelState.AddError(error, l, _ => null);
        Inbox = await queries.InboxAsync(Actor.From(User), ct);
        return Page();
    }
}
