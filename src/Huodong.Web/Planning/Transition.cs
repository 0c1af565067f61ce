namespace Huodong.Web.Planning;

/// <summary>One step of an activity's history: what happened, from which state to which, by whom, on which version.</summary>
public class Transition
{
    private Transition() { }

    public Transition(Guid activityId, string action, ActivityStatus from, ActivityStatus to, Guid actorId,
        DateTimeOffset at, int version, string? hash, string? note)
    {
        ActivityId = activityId;
        Action = action;
        From = from;
        To = to;
        ActorId = actorId;
        At = at;
        Version = version;
        Hash = hash;
        Note = note;
    }

    public long Id { get; private set; }
    public Guid ActivityId { get; private set; }
    /// <summary>Dotted code, the same as the audit entry's (<c>activity.review.head.passed</c>).</summary>
    public string Action { get; private set; } = "";
    public ActivityStatus From { get; private set; }
    public ActivityStatus To { get; private set; }
    public Guid ActorId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int Version { get; private set; }
    public string? Hash { get; private set; }
    public string? Note { get; private set; }
}
