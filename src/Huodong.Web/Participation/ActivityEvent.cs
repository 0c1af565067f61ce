namespace Huodong.Web.Participation;

public enum ActivityEventKind
{
    PageView, Registered, Waitlisted, Promoted, RegistrationCancelled, Submitted, ReplyAccepted, Commented,
    Questioned, Answered, Liked, TaskCompleted,
    /// <summary>A request about the activity that failed on the server (5xx): the live monitor's error rate (E2.2).</summary>
    Error,
}

/// <summary>
/// E2.4: one row per thing that happened in an activity — who, what, when — in one append-only table, narrow and
/// indexed by (activity, kind, time) so the evaluation's metrics can scan a million rows quickly.
/// </summary>
public class ActivityEvent
{
    private ActivityEvent() { }

    public ActivityEvent(Guid activityId, Guid? memberId, ActivityEventKind kind, DateTimeOffset at, Guid? subjectId = null)
    {
        ActivityId = activityId;
        MemberId = memberId;
        Kind = kind;
        At = at;
        SubjectId = subjectId;
    }

    public long Id { get; private set; }
    public Guid ActivityId { get; private set; }
    /// <summary>Null for anonymous page views.</summary>
    public Guid? MemberId { get; private set; }
    public ActivityEventKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>The registration, submission or comment the event is about, when there is one.</summary>
    public Guid? SubjectId { get; private set; }
}
