using Huodong.Web.Evaluation.Improvement;
using Huodong.Web.Participation.Pages;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Evaluation.Summary.Pages;

/// <summary>
/// <c>/console/activities/{id}/summary</c> (E3.3, V3.1): the team writes the summary after the end, beside the
/// activity's key metrics and their definitions, and adds improvement actions from it. Same use cases as the API.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class SummaryPageModel(SummaryQueries queries, WriteSummary write, AddImprovement add, ImprovementQueries improvements,
    Data.HuodongDb db, IServiceProvider services, IStringLocalizer<SharedResource> l) : PageModel
{
    public ConsoleTabs Tabs { get; private set; } = null!;
    public Activity Activity { get; private set; } = null!;
    public SummaryView? Summary { get; private set; }
    public bool CanWrite { get; private set; }
    public bool CanAddActions { get; private set; }
    /// <summary>Null when the metrics are not available (yet) for this activity.</summary>
    public ActivityMetrics? Metrics { get; private set; }
    public IReadOnlyList<ImprovementView> Actions { get; private set; } = [];
    public IReadOnlyList<(string Email, string Name)> Staff { get; private set; } = [];

    [BindProperty] public SummaryForm Input { get; set; } = new();
    [BindProperty] public ActionForm NewAction { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Summary is { } s) Input = new SummaryForm { Strengths = s.Strengths, Weaknesses = s.Weaknesses, FeedbackHighlights = s.FeedbackHighlights };
        NewAction.Format = Activity.Format;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await write.ExecuteAsync(Actor.From(User), id, new SummaryInput(Input.Strengths, Input.Weaknesses, Input.FeedbackHighlights), ct);
        if (result.IsOk) return Done(id, "The summary is saved.");
        return await FailAsync(id, result.Error!, f => "Input." + char.ToUpperInvariant(f[0]) + f[1..], ct);
    }

    public async Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken ct)
    {
        var input = new NewImprovement(NewAction.Title, NewAction.Description, NewAction.Owner, NewAction.DueOn,
            string.IsNullOrEmpty(NewAction.Metric) ? null : NewAction.Metric, NewAction.Format);
        var result = await add.ExecuteAsync(Actor.From(User), id, input, ct);
        if (result.IsOk) return Done(id, "The improvement action is added.");
        return await FailAsync(id, result.Error!, f => "NewAction." + char.ToUpperInvariant(f[0]) + f[1..], ct, keepSummary: true);
    }

    public IReadOnlyList<string> Errors(string key) => ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    public IEnumerable<SelectListItem> MetricOptions() =>
        MetricKeys.All.Select(k => new SelectListItem(l[MetricText.Label(k)], k, k == NewAction.Metric))
            .Prepend(new SelectListItem(l["No particular metric"], "", string.IsNullOrEmpty(NewAction.Metric)));

    public IEnumerable<SelectListItem> FormatOptions() =>
        Enum.GetValues<ActivityFormat>().Select(f => new SelectListItem(l[Labels.Of(f)], f.ToString(), f == NewAction.Format));

    private IActionResult Done(Guid id, string notice)
    {
        TempData["Notice"] = notice;
        return LocalRedirect($"/console/activities/{id}/summary");
    }

    private async Task<IActionResult> FailAsync(Guid id, Error error, Func<string, string> field, CancellationToken ct, bool keepSummary = false)
    {
        if (error.Kind == ErrorKind.NotFound && error.Fields is null) return NotFound();
        if (error.Kind == ErrorKind.Forbidden) return Forbid();
        ModelState.AddError(error, l, f => f is "" or "body" ? null : field(f));
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (keepSummary && Summary is { } s)
            Input = new SummaryForm { Strengths = s.Strengths, Weaknesses = s.Weaknesses, FeedbackHighlights = s.FeedbackHighlights };
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await queries.ActivityAsync(actor, id, ct);
        if (!found.IsOk) return this.Refuse(found.Error!);
        Activity = found.Value!;
        Tabs = ConsoleTabs.For(actor, Activity, "summary");
        Summary = await queries.ViewAsync(id, ct);
        CanWrite = SummaryPermissions.CanWrite(actor, Activity) && SummaryPermissions.IsWritable(Activity.Status);
        CanAddActions = Summary is not null && Improvement.ImprovementPermissions.CanAdd(actor, Activity);
        if (SummaryPermissions.HasEnded(Activity.Status) && services.GetService<IActivityMetrics>() is { } metrics)
            Metrics = await metrics.ForAsync(id, ct);
        Actions = (await improvements.ForActivityAsync(actor, id, ct)).Value ?? [];
        if (CanAddActions) Staff = await StaffDirectory.ListAsync(db, ct);
        return null;
    }

    public sealed class SummaryForm
    {
        public string? Strengths { get; set; }
        public string? Weaknesses { get; set; }
        public string? FeedbackHighlights { get; set; }
    }

    public sealed class ActionForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Owner { get; set; }
        public DateOnly? DueOn { get; set; }
        public string? Metric { get; set; }
        public ActivityFormat? Format { get; set; }
    }
}
