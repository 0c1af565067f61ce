using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Participation.Pages;

/// <summary>
/// <c>/console/activities/{id}/submissions</c>: what members handed in, by status; staff accept or reject pending
/// task evidence (a rejection needs a reason, which the member is told) through <see cref="DecideSubmission"/>.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class SubmissionsModel(ActivityQueries activities, InteractionQueries queries, DecideSubmission decide,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public SubmissionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? Reason { get; set; }

    public ConsoleTabs Tabs { get; private set; } = null!;
    public Page<SubmissionView> Rows { get; private set; } = new([], 0);
    public Dictionary<string, string> TaskTitles { get; private set; } = [];
    /// <summary>The submission whose decision was refused: its form shows the messages and the reason typed.</summary>
    public Guid? FailedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid submissionId, string? decision, CancellationToken ct)
    {
        var result = await decide.ExecuteAsync(Actor.From(User), submissionId, decision == "accept", Reason, ct);
        if (result.IsOk)
        {
            TempData["Notice"] = decision == "accept" ? "Evidence accepted: the task counts as done." : "Evidence rejected; the member was told why.";
            return LocalRedirect(Link(PageNumber, id));
        }
        if (result.Error!.Kind == ErrorKind.NotFound) return NotFound();
        if (result.Error.Kind == ErrorKind.Forbidden) return Forbid();
        FailedId = submissionId;
        ModelState.AddError(result.Error, l, field => field == "reason" ? nameof(Reason) : null);
        return await LoadAsync(id, ct) ?? Page();
    }

    public IReadOnlyList<string> Errors(string key) =>
        ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    public string Link(int page, Guid? id = null) =>
        $"/console/activities/{id ?? Tabs.Activity.Id}/submissions?" + (Status is { } s ? $"status={s}&" : "") + $"page={page}";

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await activities.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        PageNumber = Math.Max(1, PageNumber);
        var rows = await queries.SubmissionsAsync(actor, id, Status, Paging.From(PageNumber, PageSize), ct);
        if (!rows.IsOk) return this.Refuse(rows.Error!);
        Tabs = ConsoleTabs.For(actor, found.Value!, "submissions");
        Rows = rows.Value!;
        TaskTitles = (found.Value!.ApprovedPlan?.Participation?.Tasks ?? []).Where(t => t is not null)
            .GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.First().Title);
        return null;
    }
}
