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
/// <c>/console/activities/{id}/draws</c>: the team's draws of an ended activity (E3.1, G3.2) — commit a draw for a
/// Draw reward, reveal it, redraw a forfeited prize — each form calling the same use case as the API, and every
/// draw listed with a link to its public page.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class DrawsModel(ActivityQueries activities, DrawQueries draws, CreateDraw create, RevealDraw reveal,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public ConsoleTabs Tabs { get; private set; } = null!;
    public IReadOnlyList<DrawView> Draws { get; private set; } = [];
    public IReadOnlyList<RewardSetting> DrawRewards { get; private set; } = [];
    /// <summary>The viewer is on the team and the activity has ended: the forms are shown.</summary>
    public bool CanDraw { get; private set; }
    public bool OnTeam { get; private set; }

    [BindProperty] public int? WinnersCount { get; set; }
    [BindProperty] public string? PublicEntropy { get; set; }
    [BindProperty] public string? RewardName { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostCreateAsync(Guid id, CancellationToken ct)
    {
        var result = await create.CreateAsync(Actor.From(User), id, new CreateDrawInput(WinnersCount, PublicEntropy, RewardName), ct);
        return await AfterAsync(id, result.IsOk ? null : result.Error, "The draw is committed: its entrants and commitment are published.", ct);
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, Guid drawId, CancellationToken ct)
    {
        var result = await reveal.RevealAsync(Actor.From(User), drawId, ct);
        return await AfterAsync(id, result.IsOk ? null : result.Error, "The draw is revealed: its seed and winners are published.", ct);
    }

    public async Task<IActionResult> OnPostRedrawAsync(Guid id, Guid drawId, string? redrawEntropy, CancellationToken ct)
    {
        var result = await create.RedrawAsync(Actor.From(User), drawId, new RedrawInput(1, redrawEntropy), ct);
        return await AfterAsync(id, result.IsOk ? null : result.Error, "The redraw is committed.", ct);
    }

    public IReadOnlyList<string> Errors(string key) =>
        ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task<IActionResult> AfterAsync(Guid id, Error? error, string notice, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Notice"] = notice;
            return LocalRedirect($"/console/activities/{id}/draws");
        }
        if (error.Kind == ErrorKind.NotFound && error.Fields is null) return NotFound();
        if (error.Kind == ErrorKind.Forbidden) return Forbid();
        ModelState.AddError(error, l, field => field switch
        {
            "winnersCount" => nameof(WinnersCount),
            "publicEntropy" => nameof(PublicEntropy),
            "rewardName" => nameof(RewardName),
            _ => null,
        });
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await activities.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        var activity = found.Value!;
        var list = await draws.ListAsync(actor, id, ct);
        if (!list.IsOk) return this.Refuse(list.Error!);
        Tabs = ConsoleTabs.For(actor, activity, "draws");
        Draws = list.Value!;
        DrawRewards = (activity.ApprovedPlan?.Rewards ?? []).Where(r => r.Rule == RewardRule.Draw).ToList();
        OnTeam = ResultsPermissions.CanDraw(actor, activity);
        CanDraw = OnTeam && ResultsPermissions.IsDrawingTime(activity.Status);
        return null;
    }
}
