namespace Huodong.Web.Scheduling;

/// <summary><c>Scheduler:*</c> — the launch/end/reminder scheduler (E2.1).</summary>
public sealed class SchedulingOptions
{
    /// <summary>Runs the scheduler in this instance (on by default; every instance may run it, they share one cluster).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long before the start registrants are reminded; one reminder per entry.</summary>
    public List<TimeSpan> Reminders { get; set; } = [];

    /// <summary>How often a held launch is tried again while the readiness gate is unmet.</summary>
    public TimeSpan HoldRetry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often every activity's triggers are compared with its state and times and put right.</summary>
    public TimeSpan Reconcile { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a clustered node checks in on PostgreSQL (a dead node's work is taken over after this).</summary>
    public TimeSpan ClusterCheckin { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The reminder leads, defaulting to a day and an hour before the start when none are configured.</summary>
    public IReadOnlyList<TimeSpan> ReminderLeads =>
        Reminders.Count > 0 ? Reminders.Where(r => r > TimeSpan.Zero).Distinct().Order().ToList() : [TimeSpan.FromDays(1), TimeSpan.FromHours(1)];
}
