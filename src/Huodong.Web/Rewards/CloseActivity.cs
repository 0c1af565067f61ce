using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

/// <summary>
/// Closed by the team (<c>POST /api/activities/{id}/close</c>, the awards and settlement pages): once every award is
/// delivered, confirmed or voided (E3.2), the budget is settled (B2.3) and the summary is written (E3.3).
/// </summary>
public sealed class CloseActivity(ActivityStore store, TimeProvider time)
{
    public Task<Result<Activity>> ExecuteAsync(Actor actor, Guid activityId, CancellationToken ct) =>
        store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(activityId, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            var pending = await store.Db.Set<Award>().CountAsync(a => a.ActivityId == activityId && a.Status == AwardStatus.Pending, ct);
            var settled = await store.Db.Set<Budget.Settlement>().AnyAsync(s => s.ActivityId == activityId, ct);
            var summarised = await store.Db.Set<Evaluation.Summary.SummaryReview>().AnyAsync(s => s.ActivityId == activityId, ct);
            var closed = activity.Close(actor.Id, pending, settled, summarised, time.UtcNow());
            return closed.IsOk ? activity : closed.Error!;
        }, ct);
}
