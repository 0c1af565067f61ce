using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Planning.Pages;

/// <summary>
/// <c>/console/plans/{id}</c>: the plan with its state, versions, team, budget and the reviews it received, and the
/// actions the viewer may take (<see cref="PlanningPermissions"/>): edit, submit, amend, cancel, review.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class ViewModel(ActivityQueries queries, PlanUseCases plans, IStringLocalizer<SharedResource> l) : PageModel
{
    public ActivityDetail Detail { get; private set; } = null!;
    public Activity Activity => Detail.Activity;
    public List<ReviewView> Reviews { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanAmend { get; private set; }
    public bool CanCancel { get; private set; }
    public bool CanReview { get; private set; }
    /// <summary>Approved activities have a participation console for the team and the staff on watch (E2.2–E2.4).</summary>
    public bool CanWatchParticipation { get; private set; }

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        var result = await plans.SubmitAsync(Actor.From(User), id, ct);
        if (result.IsOk)
        {
            TempData["Notice"] = "Submitted for review. The community head has been asked to review it.";
            return LocalRedirect($"/console/plans/{id}");
        }
        if (result.Error!.Code == "plan-incomplete")
        {
            // The editor shows every missing part next to its input.
            return LocalRedirect($"/console/plans/{id}/edit?check=true");
        }
        return await FailAsync(id, result.Error!, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        var result = await plans.CancelAsync(Actor.From(User), id, Reason, ct);
        if (result.IsOk)
        {
            TempData["Notice"] = "The activity was cancelled.";
            return LocalRedirect($"/console/plans/{id}");
        }
        return await FailAsync(id, result.Error!, ct);
    }

    private async Task<IActionResult> FailAsync(Guid id, Error error, CancellationToken ct)
    {
        if (error.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddError(error, l, field => field == "reason" ? nameof(Reason) : null);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await queries.GetAsync(actor, id, ct);
        if (!found.IsOk) return false;
        var a = found.Value!;
        Detail = await queries.DetailAsync(actor, a, ct);
        if (Detail.Internals && await queries.ReviewsAsync(actor, id, ct) is { IsOk: true } reviews)
            Reviews = reviews.Value!.OrderByDescending(r => r.At).ToList();
        CanEdit = PlanningPermissions.CanEdit(actor, a) && a.Status.IsEditable();
        CanAmend = PlanningPermissions.CanEdit(actor, a) && a.Status.IsAmendable()
                   && a.Amendment is not (AmendmentStatus.HeadReview or AmendmentStatus.LeaderReview);
        CanCancel = PlanningPermissions.CanCancel(actor, a);
        CanReview = PlanningPermissions.CanReviewNow(actor, a);
        CanWatchParticipation = a.IsPublished && Participation.InteractionQueries.CanWatch(actor, a);
        return true;
    }
}
