using Huodong.Web.Shared;

namespace Huodong.Web.LiveOps;

public enum IncidentKind { TechnicalFault, MemberInquiry, Violation, Other }

public enum IncidentSeverity { Low, Medium, High, Critical }

public enum IncidentStatus { Open, Acknowledged, Resolved }

/// <summary>
/// E2.2 "handle problems promptly": a problem found while an activity runs — a technical fault, a member inquiry, a
/// violation — from the moment it is reported until it is resolved, with a timeline of who did what and when.
/// Open → Acknowledged → Resolved; it can be (re)assigned and commented on until it is resolved.
/// </summary>
public class Incident
{
    private readonly List<IncidentEntry> _timeline = [];

    private Incident() { }

    public static Result<Incident> Open(Guid activityId, Guid actorId, IncidentKind kind, IncidentSeverity severity,
        string? title, string? description, DateTimeOffset at)
    {
        var errors = new Dictionary<string, string[]>();
        IncidentErrors.CheckText(errors, "title", title, IncidentErrors.MaxTitle, required: true);
        IncidentErrors.CheckText(errors, "description", description, IncidentErrors.MaxText, required: false);
        if (errors.Count > 0) return Error.Validation(errors);
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(at),
            ActivityId = activityId,
            Kind = kind,
            Severity = severity,
            Title = title!.Trim(),
            Description = description?.Trim() ?? "",
            Status = IncidentStatus.Open,
            ReportedById = actorId,
            OpenedAt = at,
        };
        incident.Add(actorId, IncidentAction.Opened, at, incident.Title);
        return incident;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public IncidentKind Kind { get; private set; }
    public IncidentSeverity Severity { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IncidentStatus Status { get; private set; }
    public Guid ReportedById { get; private set; }
    public Guid? AssigneeId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? Resolution { get; private set; }
    public int Revision { get; private set; }
    public IReadOnlyList<IncidentEntry> Timeline => _timeline;

    /// <summary>How long it took from report to resolution; null while unresolved.</summary>
    public TimeSpan? TimeToResolve => ResolvedAt - OpenedAt;

    public Result Assign(Guid actorId, Guid assigneeId, DateTimeOffset at)
    {
        if (Status == IncidentStatus.Resolved) return IncidentErrors.WrongState(Status);
        if (AssigneeId == assigneeId) return IncidentErrors.AlreadyAssigned;
        AssigneeId = assigneeId;
        Add(actorId, IncidentAction.Assigned, at, assigneeId.ToString());
        return Result.Ok;
    }

    /// <summary>Someone has taken it up: Open → Acknowledged; the one who acknowledges becomes the assignee if none is.</summary>
    public Result Acknowledge(Guid actorId, DateTimeOffset at)
    {
        if (Status != IncidentStatus.Open) return IncidentErrors.WrongState(Status);
        Status = IncidentStatus.Acknowledged;
        AcknowledgedAt = at;
        AssigneeId ??= actorId;
        Add(actorId, IncidentAction.Acknowledged, at, null);
        return Result.Ok;
    }

    public Result Comment(Guid actorId, string? text, DateTimeOffset at)
    {
        var errors = new Dictionary<string, string[]>();
        IncidentErrors.CheckText(errors, "text", text, IncidentErrors.MaxText, required: true);
        if (errors.Count > 0) return Error.Validation(errors);
        Add(actorId, IncidentAction.Commented, at, text!.Trim());
        return Result.Ok;
    }

    /// <summary>Open or Acknowledged → Resolved, saying how it was resolved.</summary>
    public Result Resolve(Guid actorId, string? resolution, DateTimeOffset at)
    {
        if (Status == IncidentStatus.Resolved) return IncidentErrors.WrongState(Status);
        var errors = new Dictionary<string, string[]>();
        IncidentErrors.CheckText(errors, "resolution", resolution, IncidentErrors.MaxText, required: true);
        if (errors.Count > 0) return Error.Validation(errors);
        Status = IncidentStatus.Resolved;
        Resolution = resolution!.Trim();
        ResolvedAt = at;
        Add(actorId, IncidentAction.Resolved, at, Resolution);
        return Result.Ok;
    }

    private void Add(Guid actorId, IncidentAction action, DateTimeOffset at, string? text)
    {
        Revision++;
        _timeline.Add(new IncidentEntry(Id, _timeline.Count + 1, actorId, action, at, text));
    }
}

public enum IncidentAction { Opened, Assigned, Acknowledged, Commented, Resolved }

/// <summary>One line of an incident's timeline: who did what, when, and the text (a comment, the resolution).</summary>
public class IncidentEntry
{
    private IncidentEntry() { }

    public IncidentEntry(Guid incidentId, int number, Guid actorId, IncidentAction action, DateTimeOffset at, string? text)
    {
        IncidentId = incidentId;
        Number = number;
        ActorId = actorId;
        Action = action;
        At = at;
        Text = text;
    }

    public Guid IncidentId { get; private set; }
    public int Number { get; private set; }
    public Guid ActorId { get; private set; }
    public IncidentAction Action { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Text { get; private set; }
}
