using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Summary;

/// <summary>
/// E3.3: the team's written review of an activity after it ended — strengths, weaknesses and the highlights of what
/// members said — shown beside the metrics. Editable until the activity is closed; each save is a new
/// <see cref="SummaryRevision"/>, so earlier wording and who wrote it stay readable. Closing needs one.
/// </summary>
public sealed class SummaryReview
{
    public const int MaxText = 4000;

    private SummaryReview() { }

    public Guid ActivityId { get; private set; }
    public string Strengths { get; private set; } = "";
    public string Weaknesses { get; private set; } = "";
    public string FeedbackHighlights { get; private set; } = "";
    /// <summary>1 for the first save, then one more per change; also the optimistic concurrency token.</summary>
    public int Version { get; private set; }
    public Guid WrittenById { get; private set; }
    public DateTimeOffset WrittenAt { get; private set; }
    public Guid UpdatedById { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Each field required, at most <see cref="MaxText"/> characters, no NUL; the cleaned text or the field errors.</summary>
    public static Result<SummaryText> Validate(SummaryInput input)
    {
        var errors = new Dictionary<string, string[]>();
        string Check(string field, string? text)
        {
            var t = text?.Trim() ?? "";
            if (t.Length == 0) errors[field] = ["Required."];
            else if (t.Length > MaxText) errors[field] = ["Must be at most 4,000 characters."];
            else if (t.Contains('\0')) errors[field] = [Planning.PlanRules.NulCharacter];
            return t;
        }
        var text = new SummaryText(Check("strengths", input.Strengths), Check("weaknesses", input.Weaknesses),
            Check("feedbackHighlights", input.FeedbackHighlights));
        return errors.Count > 0 ? Error.Validation(errors) : text;
    }

    public static SummaryReview Write(Guid activityId, SummaryText text, Guid byId, DateTimeOffset at) => new()
    {
        ActivityId = activityId, Strengths = text.Strengths, Weaknesses = text.Weaknesses, FeedbackHighlights = text.FeedbackHighlights,
        Version = 1, WrittenById = byId, WrittenAt = at, UpdatedById = byId, UpdatedAt = at,
    };

    /// <summary>A new version when the text changed; false (nothing recorded) when it is the same text.</summary>
    public bool Revise(SummaryText text, Guid byId, DateTimeOffset at)
    {
        if (text == Text) return false;
        (Strengths, Weaknesses, FeedbackHighlights) = (text.Strengths, text.Weaknesses, text.FeedbackHighlights);
        Version++;
        UpdatedById = byId;
        UpdatedAt = at;
        return true;
    }

    public SummaryText Text => new(Strengths, Weaknesses, FeedbackHighlights);
}

public sealed record SummaryInput(string? Strengths, string? Weaknesses, string? FeedbackHighlights);

public sealed record SummaryText(string Strengths, string Weaknesses, string FeedbackHighlights);

/// <summary>One saved version of a summary, kept as written (who, when, what).</summary>
public sealed class SummaryRevision
{
    private SummaryRevision() { }

    public SummaryRevision(SummaryReview s) =>
        (ActivityId, Version, Strengths, Weaknesses, FeedbackHighlights, ById, At) =
        (s.ActivityId, s.Version, s.Strengths, s.Weaknesses, s.FeedbackHighlights, s.UpdatedById, s.UpdatedAt);

    public Guid ActivityId { get; private set; }
    public int Version { get; private set; }
    public string Strengths { get; private set; } = "";
    public string Weaknesses { get; private set; } = "";
    public string FeedbackHighlights { get; private set; } = "";
    public Guid ById { get; private set; }
    public DateTimeOffset At { get; private set; }
}
