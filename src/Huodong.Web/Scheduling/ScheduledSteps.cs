using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Preparation;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Scheduling;

/// <summary>
/// What the scheduler's jobs do (E2.1) besides the launch (<see cref="LaunchActivity.ScheduledAsync"/>), each step in
/// one transaction with its <see cref="ScheduledRun"/>: end at the end time, remind confirmed registrants before the
/// start. Each checks the activity's state and time itself, so a late, early or repeated firing does nothing wrong.
/// </summary>
public sealed class ScheduledSteps(ActivityStore store, TimeProvider time, Evaluation.Surveys.SatisfactionSurveyOnEnd surveys)
{
    /// <summary>Live or Paused → Ended at the end time; registrants are told results will follow.</summary>
    public Task<Result<Activity>> EndAsync(Guid activityId, string node, CancellationToken ct) =>
        store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(activityId, ct);
            if (activity is null) return ActivityErrors.NotFound;
            var now = time.UtcNow();
            var ended = activity.End(SchedulerAccount.Id, now);
            if (!ended.IsOk) return ended.Error!;
            store.Db.Add(new ScheduledRun(activityId, ScheduledStep.End, activity.EndsAt!.Value, now, node));
            await Notifier.NotifyRegistrantsAsync(store.Db, activity, NotificationKind.ActivityEnded, now, ct);
            await surveys.CreateAsync(store.Db, activity, SchedulerAccount.Id, now, ct);
            return activity;
        }, ct);

    /// <summary>
    /// Reminds confirmed registrants that the activity starts soon, once per lead: the unique run row refuses a second
    /// reminder for the same due time (an amendment that moves the start makes a new due time, and a new reminder).
    /// </summary>
    public async Task<bool> RemindAsync(Guid activityId, TimeSpan lead, string node, CancellationToken ct)
    {
        var db = store.Db;
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
        var now = time.UtcNow();
        if (activity is not { Status: ActivityStatus.Approved, StartsAt: { } start } || now >= start) return false;
        var due = start - lead;
        if (now < due) return false;
        if (await db.Set<ScheduledRun>().AnyAsync(r => r.ActivityId == activityId && r.Kind == ScheduledStep.Reminder && r.DueAt == due, ct))
            return false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(new ScheduledRun(activityId, ScheduledStep.Reminder, due, now, node));
        var confirmed = await db.Registrations
            .Where(r => r.ActivityId == activityId && r.Status == RegistrationStatus.Confirmed).Select(r => r.MemberId).ToListAsync(ct);
        foreach (var member in confirmed)
            Notifier.Notify(db, member, NotificationKind.StartsSoon, activityId, activity.Title, now, start.ToString("O"));
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another node sent this reminder a moment ago: the unique run row said no
        }
    }
}
