namespace Huodong.Web.Scheduling;

public enum ScheduledStep { Launch, End, Reminder }

/// <summary>
/// A step the scheduler carried out for an activity at a due time, saved in the same transaction as the step's
/// effect. Its unique (activity, step, due time) key is what makes a step happen once, even if two instances' jobs
/// both fire for it (Quartz's clustering already prevents that; this does not rely on it).
/// </summary>
public sealed class ScheduledRun
{
    private ScheduledRun() { }

    public ScheduledRun(Guid activityId, ScheduledStep kind, DateTimeOffset dueAt, DateTimeOffset ranAt, string ranBy)
    {
        Id = Guid.CreateVersion7(ranAt);
        ActivityId = activityId;
        Kind = kind;
        DueAt = dueAt;
        RanAt = ranAt;
        RanBy = ranBy.Length > 100 ? ranBy[..100] : ranBy;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public ScheduledStep Kind { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset RanAt { get; private set; }
    /// <summary>The Quartz instance id of the node that ran it (diagnostics; shows which node fired).</summary>
    public string RanBy { get; private set; } = "";
}
