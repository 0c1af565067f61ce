using Huodong.Web.Preparation;
using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Huodong.Web.Scheduling;

/// <summary>Quartz runs one of these per firing, in a DI scope of its own; the trigger's key names the activity.</summary>
public sealed class LaunchJob(LaunchActivity launch, ILogger<LaunchJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var (activityId, _) = QuartzTimetable.Parse(context.Trigger.Key);
        var outcome = await launch.ScheduledAsync(activityId, context.Scheduler.SchedulerInstanceId, ct);
        if (outcome.Held) log.LogWarning("Activity {Id} held back at its start time: the readiness gate is not met.", activityId);
        else if (outcome.Result.IsOk) log.LogInformation("Activity {Id} launched by the scheduler.", activityId);
    }
}

public sealed class EndJob(ScheduledSteps steps, ILogger<EndJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var (activityId, _) = QuartzTimetable.Parse(context.Trigger.Key);
        var result = await steps.EndAsync(activityId, context.Scheduler.SchedulerInstanceId, ct);
        if (result.IsOk) log.LogInformation("Activity {Id} ended by the scheduler.", activityId);
    }
}

public sealed class ReminderJob(ScheduledSteps steps) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var (activityId, lead) = QuartzTimetable.Parse(context.Trigger.Key);
        await steps.RemindAsync(activityId, lead, context.Scheduler.SchedulerInstanceId, ct);
    }
}

/// <summary>
/// Puts every scheduled activity's triggers right (at start and then periodically): covers the demo seed, a crash
/// between a commit and its trigger update, and a restored database. Activities no longer scheduled lose theirs.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReconcileJob(HuodongDb db, IActivityTimetable timetable) : IJob
{
    public static readonly JobKey Key = new("reconcile", "scheduler");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var scheduled = await db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Approved || a.Status == ActivityStatus.Live || a.Status == ActivityStatus.Paused)
            .ToListAsync(ct);
        foreach (var activity in scheduled) await timetable.SyncAsync(activity, ct);
        var keep = scheduled.Select(a => a.Id.ToString()).ToHashSet();
        var stale = new List<TriggerKey>();
        foreach (var job in new[] { QuartzTimetable.LaunchJob, QuartzTimetable.EndJob, QuartzTimetable.ReminderJob })
        {
            var triggers = await context.Scheduler.QueryTriggers(new TriggerQuery { Job = job, Take = PagedQuery.All }, ct);
            stale.AddRange(triggers.Items.Where(t => !keep.Contains(t.Key.Group)).Select(t => t.Key));
        }
        if (stale.Count > 0) await context.Scheduler.UnscheduleJobs(stale, ct);
    }
}
