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
            var result = activity.Review(actor.Id, stage, verdict, time.UtcNow());
            return result.IsOk ? activity : result.Error!;
        }, ct);
}
