using Huodong.Web.Participation.Pages;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Budget.Pages;

/// <summary>
/// <c>/console/activities/{id}/settlement</c> (B2.3): budget against actual per line with the variance; after the end
/// the team explains each variance and settles, then closes the activity. The CSV export is the API's.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class SettlementModel(BudgetQueries queries, SettleBudget settle, Rewards.CloseActivity close, Data.HuodongDb db,
    IStringLocalizer<SharedResource> l) : BudgetPage
{
    public ConsoleTabs Tabs { get; private set; } = null!;
    public SettlementView Settlement { get; private set; } = null!;
    public bool CanSettle { get; private set; }
    public bool CanClose { get; private set; }

    [BindProperty] public Dictionary<string, string?> Explanations { get; set; } = [];
    [BindProperty] public string? Summary { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostSettleAsync(Guid id, CancellationToken ct)
    {
        var result = await settle.SettleAsync(Actor.From(User), id, new SettleInput(Explanations, Summary), ct);
        return await AfterAsync(id, result.IsOk ? null : result.Error, "The budget is settled.", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        var result = await close.ExecuteAsync(Actor.From(User), id, ct);
        return await AfterAsync(id, result.IsOk ? null : result.Error, "The activity is closed.", ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Error? error, string notice, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Notice"] = notice;
            return LocalRedirect($"/console/activities/{id}/settlement");
        }
        if (error.Kind == ErrorKind.NotFound && error.Fields is null) return NotFound();
        if (error.Kind == ErrorKind.Forbidden) return Forbid();
        ModelState.AddError(error, l, field => field.StartsWith("explanations.") ? "Explanations[" + field["explanations.".Length..] + "]" : null);
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var budget = await queries.BudgetAsync(actor, id, ct);
        if (!budget.IsOk) return NotFound();
        var activity = budget.Value.Activity;
        Tabs = ConsoleTabs.For(actor, activity, "settlement");
        Settlement = await SettleBudget.PreviewAsync(db, activity, ct);
        var team = BudgetPermissions.IsTeam(actor, activity);
        CanSettle = team && !Settlement.Settled && BudgetPermissions.IsSettleable(activity.Status);
        CanClose = team && Settlement.Settled && activity.Status is ActivityStatus.Ended or ActivityStatus.ResultsPublished;
        return null;
    }
}
