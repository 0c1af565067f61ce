using Huodong.Web.Data;
using Huodong.Web.Participation.Pages;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Rewards.Pages;

/// <summary>
/// <c>/console/activities/{id}/awards</c>: the team's results and rewards (E3.1, E3.2) — judges score submissions,
/// the ranking so far, publishing the results, then each award delivered by its kind, coupon codes imported, undelivered
/// awards voided, the overdue alert, and closing the activity. Every form calls the same use case as the API.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class AwardsModel(HuodongDb db, ActivityQueries activities, AwardQueries awards, Winners winners,
    PublishResults publish, DeliverAward deliver, AwardChanges changes, ImportCoupons import, CloseActivity close,
    ScoreSubmission score, AwardRedraw redraw, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public ConsoleTabs Tabs { get; private set; } = null!;
    public Activity Activity { get; private set; } = null!;
    public bool OnTeam { get; private set; }
    public bool IsJudge { get; private set; }
    public AwardList? List { get; private set; }
    public IReadOnlyList<RankedMember> Ranking { get; private set; } = [];
    public IReadOnlyList<ScorableView> Scorable { get; private set; } = [];
    public IReadOnlyList<RewardSetting> Rewards { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Stock { get; private set; } = new Dictionary<string, int>();
    public DateTimeOffset Now { get; private set; }
    /// <summary>Revealed redraws of this activity whose winners have no award yet (a forfeited prize to give again).</summary>
    public IReadOnlyList<(Guid Id, int Number)> OpenRedraws { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, (await publish.ExecuteAsync(Actor.From(User), id, ct)).Error, "The results are published and the winners notified.", ct);

    public async Task<IActionResult> OnPostDeliverAsync(Guid id, Guid awardId, string? trackingNumber, string? note, CancellationToken ct) =>
        await AfterAsync(id, (await deliver.ExecuteAsync(Actor.From(User), awardId, new DeliverInput(trackingNumber, note), ct)).Error,
            "The award is delivered and the winner notified.", ct);

    public async Task<IActionResult> OnPostVoidAsync(Guid id, Guid awardId, string? reason, CancellationToken ct) =>
        await AfterAsync(id, (await changes.VoidAsync(Actor.From(User), awardId, new VoidInput(reason), ct)).Error, "The award is voided.", ct);

    public async Task<IActionResult> OnPostImportAsync(Guid id, string? rewardName, string? codes, CancellationToken ct) =>
        await AfterAsync(id, (await import.ExecuteAsync(Actor.From(User), id, new ImportCouponsInput(rewardName, codes), ct)).Error,
            "The coupon codes are imported.", ct);

    public async Task<IActionResult> OnPostAwardRedrawAsync(Guid id, Guid drawId, CancellationToken ct) =>
        await AfterAsync(id, (await redraw.ExecuteAsync(Actor.From(User), drawId, ct)).Error, "The redraw's winners received the forfeited prize.", ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, (await close.ExecuteAsync(Actor.From(User), id, ct)).Error, "The activity is closed.", ct);

    public async Task<IActionResult> OnPostScoreAsync(Guid id, Guid submissionId, int? relevance, int? quality, int? creativity, CancellationToken ct)
    {
        var marks = new Dictionary<string, int>();
        if (relevance is { } r) marks["relevance"] = r;
        if (quality is { } q) marks["quality"] = q;
        if (creativity is { } c) marks["creativity"] = c;
        return await AfterAsync(id, (await score.ExecuteAsync(Actor.From(User), submissionId, new ScoreInput(marks), ct)).Error,
            "The score is saved.", ct);
    }

    public IReadOnlyList<string> Errors(string key) =>
        ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task<IActionResult> AfterAsync(Guid id, Error? error, string notice, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Notice"] = notice;
            return LocalRedirect($"/console/activities/{id}/awards");
        }
        if (error.Kind == ErrorKind.NotFound && error.Fields is null && error.Code == "not-found") return NotFound();
        if (error.Kind == ErrorKind.Forbidden) return Forbid();
        ModelState.AddError(error, l, _ => null);
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await activities.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        Activity = found.Value!;
        Tabs = ConsoleTabs.For(actor, Activity, "awards");
        OnTeam = ResultsPermissions.CanDraw(actor, Activity);
        IsJudge = ScoreSubmission.IsJudge(actor, Activity);
        Rewards = Activity.ApprovedPlan?.Rewards ?? [];
        Now = time.GetUtcNow();
        Stock = await winners.StockAsync(id, ct);
        var redraws = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Draws.Where(d => d.ActivityId == id && d.RedrawOf != null && d.Status == DrawStatus.Revealed
                                && !db.Set<Award>().Any(a => a.DrawId == d.Id)).OrderBy(d => d.Number).Select(d => new { d.Id, d.Number }), ct);
        OpenRedraws = redraws.Select(d => (d.Id, d.Number)).ToList();
        var list = await awards.ListAsync(actor, id, ct);
        List = list.IsOk ? list.Value : null;
        if (IsJudge && Rewards.Any(r => r.Rule == RewardRule.Ranking))
        {
            Ranking = await winners.RankAsync(Activity, ct);
            if (Activity.Status is ActivityStatus.Live or ActivityStatus.Paused or ActivityStatus.Ended)
                Scorable = await ScorableQuery.ListAsync(db, actor, Activity, ct);
        }
        return null;
    }
}
