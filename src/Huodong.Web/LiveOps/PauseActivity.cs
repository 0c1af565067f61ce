using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.LiveOps;

/// <summary>
/// Emergency pause and resume (E2.2, S1.2): the team or a moderator stops a live activity with a reason members
/// see on its page and in their inbox; submissions are refused meanwhile. Audited through the activity's transitions.
/// </summary>
public sealed class PauseActivity(ActivityStore store, TimeProvider time)
{
    public Task<Result<Activity>> PauseAsync(Actor actor, Guid id, string? reason, CancellationToken ct) =>
        ChangeAsync(actor, id, (a, now) => a.Pause(actor.Id, reason, now), NotificationKind.ActivityPaused, ct);

    public Task<Result<Activity>> ResumeAsync(Actor actor, Guid id, string? reason, CancellationToken ct) =>
        ChangeAsync(actor, id, (a, now) => a.Resume(actor.Id, reason, now), NotificationKind.ActivityResumed, ct);

    private Task<Result<Activity>> ChangeAsync(Actor actor, Guid id, Func<Activity, DateTimeOffset, Result> change,
        NotificationKind tell, CancellationToken ct) =>
        store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(id, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (!LiveOpsPermissions.CanPause(actor, activity)) return Error.Forbidden;
            var now = time.UtcNow();
            var result = change(activity, now);
            if (!result.IsOk) return result.Error!;
            var args = tell == NotificationKind.ActivityPaused ? new[] { activity.PauseReason! } : [];
            await Notifier.NotifyRegistrantsAsync(store.Db, activity, tell, now, ct, args);
            return activity;
        }, ct);
}
