namespace Huodong.Web.Participation;

/// <summary>
/// A task a member has completed (M1.2, task mode): platform-wide ones (<see cref="ActivityId"/> empty) such as
/// completing the profile, and an activity's own tasks, detected by the platform or confirmed by staff.
/// </summary>
public class CompletedTask
{
    private CompletedTask() { }

    public CompletedTask(Guid memberId, Guid activityId, string taskKey, string source, Guid? confirmedBy, DateTimeOffset at)
    {
        MemberId = memberId;
        ActivityId = activityId;
        TaskKey = taskKey;
        Source = source;
        ConfirmedBy = confirmedBy;
        CompletedAt = at;
    }

    public Guid MemberId { get; private set; }
    /// <summary><see cref="Guid.Empty"/> for platform-wide tasks.</summary>
    public Guid ActivityId { get; private set; }
    public string TaskKey { get; private set; } = "";
    /// <summary>How completion was known: "detected" (the platform saw it) or "confirmed" (staff, with evidence).</summary>
    public string Source { get; private set; } = "";
    public Guid? ConfirmedBy { get; private set; }
    public DateTimeOffset CompletedAt { get; private set; }
}
