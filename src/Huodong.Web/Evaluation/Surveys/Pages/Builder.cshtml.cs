using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Evaluation.Surveys.Pages;

/// <summary>One question as the builder form carries it: options one per line.</summary>
public sealed class QuestionForm
{
    public string Type { get; set; } = nameof(QuestionType.SingleChoice);
    public string? Text { get; set; }
    public bool Required { get; set; } = true;
    public bool Personal { get; set; }
    public string? Options { get; set; }
}

/// <summary>
/// <c>/console/surveys/builder/{id?}</c>: builds a new survey or edits a Draft. Adding, removing and moving questions are
/// form posts that change the unsaved form on the server (no script needed); Save calls the same use case as the API.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class BuilderModel(BuildSurvey build, SurveyQueries queries, HuodongDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [BindProperty] public string? Title { get; set; }
    [BindProperty(SupportsGet = true)] public string? Purpose { get; set; } = nameof(SurveyPurpose.NeedsResearch);
    [BindProperty(SupportsGet = true)] public Guid? ActivityId { get; set; }
    [BindProperty] public string? Audience { get; set; } = nameof(SurveyAudience.AllMembers);
    [BindProperty] public bool Anonymous { get; set; }
    [BindProperty] public DateTime? OpensAt { get; set; }
    [BindProperty] public DateTime? ClosesAt { get; set; }
    [BindProperty] public List<QuestionForm> Questions { get; set; } = [];

    public Guid? Id { get; private set; }
    public List<(Guid Id, string Title)> Activities { get; private set; } = [];
    /// <summary>The question to put the keyboard focus on after a change (the one added or moved).</summary>
    public int? Focus { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } sid)
        {
            var found = await queries.GetAsync(Actor.From(User), sid, ct);
            var (_, _, refused) = await queries.ManagedAsync(Actor.From(User), sid, ct);
            if (!found.IsOk || refused is not null) return NotFound();
            var s = found.Value!;
            if (s.Status != SurveyStatus.Draft) return LocalRedirect($"/console/surveys/{sid}");
            (Title, Purpose, ActivityId, Audience, Anonymous) = (s.Title, s.Purpose.ToString(), s.ActivityId, s.Audience.ToString(), s.Anonymous);
            (OpensAt, ClosesAt) = (Local(s.OpensAt), Local(s.ClosesAt));
            Questions = s.Questions.Select(q => new QuestionForm
            {
                Type = q.Type.ToString(), Text = q.Text, Required = q.Required, Personal = q.Personal, Options = string.Join("\n", q.Options),
            }).ToList();
        }
        else if (Purpose == nameof(SurveyPurpose.Satisfaction))
        {
            Audience = nameof(SurveyAudience.Participants);
            Questions = [new() { Type = nameof(QuestionType.Rating), Text = l["Overall, how satisfied are you with the activity?"] },
                new() { Type = nameof(QuestionType.Nps), Text = l["How likely are you to recommend our activities to a friend?"] },
                new() { Type = nameof(QuestionType.FreeText), Text = l["What should we do better next time?"], Required = false }];
        }
        else Questions = [new()];
        await LoadActivitiesAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(Guid? id, string? type, CancellationToken ct)
    {
        Questions.Add(new QuestionForm { Type = Enum.TryParse<QuestionType>(type, out var t) ? t.ToString() : nameof(QuestionType.SingleChoice) });
        return RedisplayAsync(id, Questions.Count - 1, ct);
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid? id, int index, CancellationToken ct)
    {
        if (index >= 0 && index < Questions.Count) Questions.RemoveAt(index);
        return RedisplayAsync(id, Math.Min(index, Questions.Count - 1), ct);
    }

    public Task<IActionResult> OnPostMoveAsync(Guid? id, int index, int by, CancellationToken ct)
    {
        var to = index + by;
        if (index >= 0 && index < Questions.Count && to >= 0 && to < Questions.Count)
            (Questions[index], Questions[to]) = (Questions[to], Questions[index]);
        else to = index;
        return RedisplayAsync(id, to, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct)
    {
        var input = new SurveyInput(Title, Purpose, ActivityId, Audience, Anonymous, Utc(OpensAt), Utc(ClosesAt),
            Questions.Select(q => new QuestionInput(q.Type, q.Text, q.Required,
                (q.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(o => (string?)o).ToList(),
                q.Personal)).ToList());
        var actor = Actor.From(User);
        var saved = id is { } sid ? await build.UpdateAsync(actor, sid, input, ct) : await build.CreateAsync(actor, input, ct);
        if (saved.IsOk)
        {
            TempData["Notice"] = "The survey is saved.";
            return LocalRedirect($"/console/surveys/{saved.Value!.Id}");
        }
        if (saved.Error!.Kind == ErrorKind.NotFound) return NotFound();
        if (saved.Error.Kind == ErrorKind.Forbidden) return Forbid();
        ModelState.Clear();
        ModelState.AddError(saved.Error, l, f => PageErrors.Pascal("", f));
        return await RedisplayAsync(id, null, ct, clear: false);
    }

    public IReadOnlyList<string> Errors(string key) => ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task<IActionResult> RedisplayAsync(Guid? id, int? focus, CancellationToken ct, bool clear = true)
    {
        // The posted values were changed on purpose: the form shows the model, not what model binding remembered.
        if (clear) ModelState.Clear();
        Id = id;
        Focus = focus;
        await LoadActivitiesAsync(ct);
        return Page();
    }

    private async Task LoadActivitiesAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        var uid = actor.Id;
        var all = actor.Is(Roles.CommunityHead) || actor.Is(Roles.Admin);
        var rows = await db.Activities.AsNoTracking().Where(a => all ? a.Status != ActivityStatus.Draft : a.Team.Any(t => t.UserId == uid))
            .OrderByDescending(a => a.CreatedAt).Take(200).Select(a => new { a.Id, a.Title }).ToListAsync(ct);
        Activities = rows.Select(r => (r.Id, string.IsNullOrEmpty(r.Title) ? l["Untitled plan"].Value : r.Title)).ToList();
    }

    private static DateTime? Local(DateTimeOffset? at) => at?.ToOffset(China).DateTime;
    private static DateTimeOffset? Utc(DateTime? local) => local is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), China) : null;
}
