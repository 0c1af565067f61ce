using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

/// <summary>ResultsPublished → Closed by the team once every award is delivered, confirmed or voided (E3.2).</summary>
public sealed class CloseActivity(ActivityStore store, TimeProvider time)
{
    public Task<Result<Activity>> ExecuteAsync(Actor actor, Guid activityId, CancellationToken ct) =>
        store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(activityId, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            var pending = await store.Db.Set<Award>().CountAsync(a => a.ActivityId == activityId && a.Status == AwardStatus.Pending, ct);
            var closed = activity.Close(actor.Id, pending, time.UtcNow());
            return closed.IsOk ? activity : closed.Error!;
        }, ct);
}
