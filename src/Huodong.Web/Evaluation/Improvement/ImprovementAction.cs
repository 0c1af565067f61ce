using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Improvement;

public enum ImprovementStatus { Open, InProgress, Done, Dropped }

/// <summary>V3.3: whether an action, once tried, did what it aimed at.</summary>
public enum ImprovementVerdict { Worked, DidNotWork, TooEarly }

/// <summary>
/// V3.1–V3.3: a measure the team derives from an activity's summary, owned by a staff member with a due date, aimed
/// at one metric and at later activities of a format. V3.2: a later plan of that format takes it up (it is "applied"
/// to that activity); V3.3: its effect is read from the aimed metric before and after, and a staff member records a
/// verdict.
/// </summary>
public sealed class ImprovementAction
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 4000;
    public const int MaxNote = 2000;

    private ImprovementAction() { }

    public Guid Id { get; private set; }
    public Guid SourceActivityId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Guid OwnerId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public ImprovementStatus Status { get; private set; }
    /// <summary>One of <see cref="MetricKeys.All"/>, or none.</summary>
    public string? MetricKey { get; private set; }
    /// <summary>The format of later activities it applies to (by default the source activity's).</summary>
    public ActivityFormat Format { get; private set; }
    public Guid? AppliedToActivityId { get; private set; }
    public Guid? AppliedById { get; private set; }
    public DateTimeOffset? AppliedAt { get; private set; }
    public ImprovementVerdict? Verdict { get; private set; }
    public string? VerdictNote { get; private set; }
    public Guid? VerdictById { get; private set; }
    public DateTimeOffset? VerdictAt { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Revision { get; private set; }

    /// <summary>Not done or dropped, and its due date (China date) has passed.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen(Status) && DueOn < today;

    public static bool IsOpen(ImprovementStatus s) => s is ImprovementStatus.Open or ImprovementStatus.InProgress;

    /// <param name="ownerId">The staff account <see cref="NewImprovement.Owner"/> names, or null when it names none.</param>
    public static Result<ImprovementAction> Create(Guid sourceActivityId, ActivityFormat format, NewImprovement input, Guid? ownerId,
        Guid byId, DateTimeOffset at)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Owner)) errors["owner"] = ["Required."];
        else if (ownerId is null) errors["owner"] = [ActivityStore.UnknownTeamMember];
        var title = Text(errors, "title", input.Title, MaxTitle, required: true);
        var description = Text(errors, "description", input.Description, MaxDescription, required: true);
        if (input.DueOn is null) errors["dueOn"] = ["Required."];
        var metric = string.IsNullOrWhiteSpace(input.Metric) ? null : input.Metric.Trim();
        if (metric is not null && !MetricKeys.All.Contains(metric)) errors["metric"] = ["Choose one of the metrics."];
        if (errors.Count > 0) return Error.Validation(errors);
        return new ImprovementAction
        {
            Id = Guid.CreateVersion7(at), SourceActivityId = sourceActivityId, Title = title!, Description = description!,
            OwnerId = ownerId!.Value, DueOn = input.DueOn!.Value, Status = ImprovementStatus.Open, MetricKey = metric,
            Format = input.Format ?? format, CreatedById = byId, CreatedAt = at, UpdatedAt = at,
        };
    }

    /// <summary>Status, owner and due date; what changed (empty when nothing did).</summary>
    public Dictionary<string, object?> Update(ImprovementStatus? status, Guid? ownerId, DateOnly? dueOn, DateTimeOffset at)
    {
        var changed = new Dictionary<string, object?>();
        if (status is { } s && s != Status) { changed["status"] = s.ToString(); Status = s; }
        if (ownerId is { } o && o != OwnerId) { changed["ownerId"] = o; OwnerId = o; }
        if (dueOn is { } d && d != DueOn) { changed["dueOn"] = d; DueOn = d; }
        if (changed.Count > 0) Touch(at);
        return changed;
    }

    /// <summary>V3.2: taken up by a later plan of its format (the plan being drafted, not the activity it came from).</summary>
    public Result ApplyTo(Activity activity, Guid byId, DateTimeOffset at)
    {
        if (activity.Id == SourceActivityId) return ImprovementErrors.OwnActivity;
        if (activity.Format != Format) return ImprovementErrors.OtherFormat;
        if (AppliedToActivityId is { } other && other != activity.Id) return ImprovementErrors.AppliedElsewhere;
        if (AppliedToActivityId == activity.Id) return Result.Ok;
        AppliedToActivityId = activity.Id;
        AppliedById = byId;
        AppliedAt = at;
        Touch(at);
        return Result.Ok;
    }

    public Result Unapply(Guid activityId, DateTimeOffset at)
    {
        if (AppliedToActivityId != activityId) return ImprovementErrors.NotApplied;
        AppliedToActivityId = null;
        AppliedById = null;
        AppliedAt = null;
        Touch(at);
        return Result.Ok;
    }

    public Result RecordVerdict(ImprovementVerdict? verdict, string? note, Guid byId, DateTimeOffset at)
    {
        var errors = new Dictionary<string, string[]>();
        if (verdict is null) errors["verdict"] = ["Required."];
        var text = Text(errors, "note", note, MaxNote, required: false);
        if (errors.Count > 0) return Error.Validation(errors);
        Verdict = verdict;
        VerdictNote = text;
        VerdictById = byId;
        VerdictAt = at;
        Touch(at);
        return Result.Ok;
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Revision++;
    }

    private static string? Text(Dictionary<string, string[]> errors, string field, string? value, int max, bool required)
    {
        var t = value?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            if (required) errors[field] = ["Required."];
            return null;
        }
        if (t.Length > max) errors[field] = [max == MaxTitle ? "Must be at most 200 characters." : max == MaxNote
            ? "Must be at most 2,000 characters." : "Must be at most 4,000 characters."];
        else if (t.Contains('\0')) errors[field] = [PlanRules.NulCharacter];
        return t;
    }
}

/// <summary>The body of <c>POST /api/activities/{id}/improvements</c>; <c>owner</c> is a staff account's email.</summary>
public sealed record NewImprovement(string? Title, string? Description, string? Owner, DateOnly? DueOn, string? Metric,
    ActivityFormat? Format);

/// <summary>The body of <c>PUT /api/improvements/{id}</c>: any of status, owner (email), due date.</summary>
public sealed record ImprovementChange(ImprovementStatus? Status, string? Owner, DateOnly? DueOn);

public sealed record VerdictInput(ImprovementVerdict? Verdict, string? Note);

public sealed record ApplyInput(Guid? ActivityId);
