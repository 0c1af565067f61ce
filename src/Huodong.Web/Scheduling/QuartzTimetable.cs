using Huodong.Web.Planning;
using Microsoft.Extensions.Options;
using Quartz;

namespace Huodong.Web.Scheduling;

/// <summary>
/// The activity's triggers in Quartz's persistent store, one per step, keyed by the activity: launch at the start
/// (repeating every <see cref="SchedulingOptions.HoldRetry"/> while held, until the end), end at the end time, and
/// a reminder per lead before the start. <see cref="SyncAsync"/> makes the stored triggers match the activity's
/// state and times: approval adds them, an amendment moves them, cancelling removes them.
/// </summary>
public sealed class QuartzTimetable(ISchedulerFactory schedulers, TimeProvider time, IOptions<SchedulingOptions> options)
    : IActivityTimetable
{
    public static readonly JobKey LaunchJob = new("launch", "activity");
    public static readonly JobKey EndJob = new("end", "activity");
    public static readonly JobKey ReminderJob = new("reminder", "activity");

    public static TriggerKey LaunchKey(Guid activityId) => new("launch", activityId.ToString());
    public static TriggerKey EndKey(Guid activityId) => new("end", activityId.ToString());
    /// <summary>Whole-minute leads keep their original key (<c>reminder-60</c>); others are named in seconds (<c>reminder-90s</c>).</summary>
    public static TriggerKey ReminderKey(Guid activityId, TimeSpan lead) => new(lead.Ticks % TimeSpan.TicksPerMinute == 0
        ? $"reminder-{(long)lead.TotalMinutes}" : $"reminder-{(long)lead.TotalSeconds}s", activityId.ToString());

    /// <summary>The activity a trigger is for (its group), and for a reminder its lead.</summary>
    public static (Guid ActivityId, TimeSpan Lead) Parse(TriggerKey key) =>
        (Guid.Parse(key.Group), key.Name.StartsWith("reminder-", StringComparison.Ordinal)
            ? key.Name.EndsWith('s')
                ? TimeSpan.FromSeconds(long.Parse(key.Name["reminder-".Length..^1], System.Globalization.CultureInfo.InvariantCulture))
                : TimeSpan.FromMinutes(long.Parse(key.Name["reminder-".Length..], System.Globalization.CultureInfo.InvariantCulture))
            : TimeSpan.Zero);

    public async Task SyncAsync(Activity activity, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var now = time.GetUtcNow();
        var o = options.Value;
        var approved = activity.Status == ActivityStatus.Approved;
        var running = activity.Status is ActivityStatus.Live or ActivityStatus.Paused;

        await PutAsync(scheduler, LaunchKey(activity.Id), LaunchJob,
            approved ? activity.StartsAt : null, activity.EndsAt, o.HoldRetry, ct);
        await PutAsync(scheduler, EndKey(activity.Id), EndJob,
            approved || running ? activity.EndsAt : null, null, null, ct);
        foreach (var lead in o.ReminderLeads)
        {
            var due = activity.StartsAt - lead;
            await PutAsync(scheduler, ReminderKey(activity.Id, lead), ReminderJob,
                approved && activity.StartsAt > now && due is not null ? Later(due.Value, now) : null, null, null, ct);
        }
    }

    /// <summary>A reminder whose time passed (approved late) still goes out now, while the start is ahead.</summary>
    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Stores, moves or removes one trigger so that it fires at <paramref name="at"/> (none when null).</summary>
    private async Task PutAsync(IScheduler scheduler, TriggerKey key, JobKey job, DateTimeOffset? at, DateTimeOffset? until,
        TimeSpan? repeat, CancellationToken ct)
    {
        var existing = await scheduler.GetTrigger(key, ct);
        if (at is null)
        {
            if (existing is not null) await scheduler.UnscheduleJob(key, ct);
            return;
        }
        if (existing is not null && existing.StartTimeUtc == at.Value && existing.EndTimeUtc == until) return;
        var schedule = SimpleScheduleBuilder.Create().WithMisfireInstruction(repeat is null
            ? SimpleTriggerMisfireInstruction.FireNow
            : SimpleTriggerMisfireInstruction.NowWithExistingCount);
        if (repeat is { } every) schedule = schedule.WithInterval(every).RepeatForever();
        var builder = TriggerBuilder.Create(time).WithIdentity(key).ForJob(job).StartAt(at.Value).WithSchedule(schedule);
        if (until is { } end && end > at.Value) builder = builder.EndAt(end);
        await scheduler.ScheduleTrigger(builder.Build(), TriggerConflict.Replace, ct);
    }
}
