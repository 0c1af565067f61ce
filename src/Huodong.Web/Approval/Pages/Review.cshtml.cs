using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Approval.Pages;

/// <summary>
/// <c>/console/reviews/{id}</c>: the frozen version under review beside the six-point checklist of A2, and the
/// decision (pass, return, reject) recorded through <see cref="ReviewPlan"/>, the use case the API calls.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class ReviewModel(ActivityQueries queries, ReviewPlan review, IStringLocalizer<SharedResource> l) : PageModel
{
    public Activity Activity { get; private set; } = null!;
    public PlanVersion? Version { get; private set; }
    public bool IsAmendment { get; private set; }
    /// <summary>Why this viewer cannot review now, when they cannot; null when the form is open.</summary>
    public string? Closed { get; private set; }

    [BindProperty] public ReviewForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, string? decision, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        var input = new ReviewInput(decision,
            Input.Points.Select((p, i) => (p, i)).Where(x => x.p.Ok is not null && x.i < ReviewForm.Order.Length)
                .ToDictionary(x => ReviewForm.Order[x.i].ToString().ToLowerInvariant(), x => (PointVerdict?)new PointVerdict(x.p.Ok!.Value, x.p.Comment)),
            Input.Comment);
        var verdict = input.ToVerdict();
        var result = verdict.IsOk ? await review.ExecuteAsync(Actor.From(User), id, verdict.Value!, ct) : default;
        var error = verdict.IsOk ? result.Error : verdict.Error;
        if (error is null)
        {
            TempData["Notice"] = verdict.Value!.Decision switch
            {
                ReviewDecision.Pass => "Review recorded: passed.",
                ReviewDecision.Return => "Review recorded: returned to the planning team.",
                _ => "Review recorded: rejected.",
            };
            return LocalRedirect("/console/reviews");
        }
        if (error.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddError(error, l, FieldKey);
        return Page();
    }

    private static string? FieldKey(string field)
    {
        if (field == "comment") return "Input.Comment";
        if (field == "points") return "Input.Points";
        if (field.StartsWith("points.") && ReviewPointText.Parse(field.Split('.')[1]) is { } p)
            return $"Input.Points[{Array.IndexOf(ReviewForm.Order, p)}]" + (field.EndsWith(".comment") ? ".Comment" : ".Ok");
        return null;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (PlanningPermissions.ReviewStageOf(actor) is null) return Forbid();
        var found = await queries.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        Activity = found.Value!;
        IsAmendment = Activity.OpenReview?.IsAmendment ?? false;
        if (Activity.Version > 0 && await queries.VersionAsync(actor, id, Activity.Version, ct) is { IsOk: true } v)
            Version = v.Value;
        Closed = Activity.OpenReview is null || Version is null ? "This plan is not awaiting review."
            : !PlanningPermissions.CanReviewNow(actor, Activity)
                ? (Activity.IsOnTeam(actor.Id) || Activity.AuthorId == actor.Id
                    ? "The author and team members of a plan may not review it."
                    : "This review stage belongs to another role.")
                : null;
        while (Input.Points.Count < ReviewForm.Order.Length) Input.Points.Add(new ReviewForm.PointInput());
        return null;
    }
}

/// <summary>The checklist as posted: one verdict per A2 point, in A2 order, and an overall comment.</summary>
public sealed class ReviewForm
{
    public static readonly ReviewPoint[] Order = Enum.GetValues<ReviewPoint>();
    public List<PointInput> Points { get; set; } = [];
    public string? Comment { get; set; }

    public sealed class PointInput
    {
        public bool? Ok { get; set; }
        public string? Comment { get; set; }
    }
}
