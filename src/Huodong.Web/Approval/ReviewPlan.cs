using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Approval;

/// <summary>A1: the community head, then the superior leader, review the frozen version on the six points of A2.</summary>
public sealed class ReviewPlan(ActivityStore store, TimeProvider time, Security.Compliance? compliance = null)
{
    public Task<Result<Activity>> ExecuteAsync(Actor actor, Guid id, Verdict verdict, CancellationToken ct) =>
        store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(id, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (PlanningPermissions.ReviewStageOf(actor) is not { } stage) return Error.Forbidden;
            if (compliance is not null && !(await compliance.RequireAsync(actor, ct)).IsOk) return Security.Compliance.Required;
            var approvedBefore = activity.ApprovedVersion;
            var result = activity.Review(actor.Id, stage, verdict, time.UtcNow());
            if (!result.IsOk) return result.Error!;
            if (activity.ApprovedVersion != approvedBefore)
            {
                if (approvedBefore is not null)
                {
                    // An approved amendment's team takes effect only now, and registrants should look again.
                    var team = await store.ResolveTeamAsync(activity.ApprovedPlan!, ct);
                    if (!team.IsOk) return team.Error!;
                    activity.ApplyApprovedTeam(team.Value!);
                    await Notifier.NotifyRegistrantsAsync(store.Db, activity, NotificationKind.ActivityChanged, time.UtcNow(), ct);
                }
                // An approval (or an approved amendment) puts the plan's capacity into force for registrations.
                await Seats.SyncAsync(store.Db, activity, ct);
                // A larger capacity frees places: they go to the waitlist in order, before any newcomer.
                await Waitlist.FillFreePlacesAsync(store.Db, activity.Id, activity.Title, time.UtcNow(), ct);
            }
            return activity;
        }, ct);
}
