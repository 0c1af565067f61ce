using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Approval;

/// <summary>A1: the community head, then the superior leader, review the frozen version on the six points of A2.</summary>
public sealed class ReviewPlan(ActivityStore store, TimeProvider time)
{
    public Task<Result<Activity>> ExecuteAsync(Actor actor, Guid id, Verdict verdict, CancellationToken ct) =>
        store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(id, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (PlanningPermissions.ReviewStageOf(actor) is not { } stage) return Error.Forbidden;
            var approvedBefore = activity.ApprovedVersion;
            var result = activity.Review(actor.Id, stage, verdict, time.UtcNow());
            if (!result.IsOk) return result.Error!;
            // An approval (or an approved amendment) puts the plan's capacity into force for registrations.
            if (activity.ApprovedVersion != approvedBefore)
            {
                await Seats.SyncAsync(store.Db, activity, ct);
                if (approvedBefore is not null) // an amendment took effect: registrants should look again
                    await Notifier.NotifyRegistrantsAsync(store.Db, activity, NotificationKind.ActivityChanged, time.UtcNow(), ct);
            }
            return activity;
        }, ct);
}
