using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Preparation;

/// <summary>
/// E2.1: the team (and, next, the scheduler) moves an approved activity to Live at or after its start time, only
/// when the readiness gate holds. The gate is evaluated inside the launch's transaction, with the activity locked,
/// so what it saw is what the launch acted on. The scheduler will call <see cref="ExecuteAsync"/> with its own actor.
/// </summary>
public sealed class LaunchActivity(ActivityStore store, Readiness readiness, TimeProvider time)
{
    public sealed record Outcome(Result<Activity> Result, ReadinessVerdict? Verdict);

    public async Task<Outcome> ExecuteAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        ReadinessVerdict? verdict = null;
        var result = await store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(activityId, ct);
            if (activity is null || !PreparationPermissions.CanView(actor, activity)) return ActivityErrors.NotFound;
            if (!PreparationPermissions.CanChange(actor, activity)) return ActivityErrors.NotOnTeam;
            verdict = await readiness.EvaluateAsync(activityId, ct);
            var unmet = verdict.Conditions.Where(c => !c.Met).Select(c => c.Condition.ToString()).ToList();
            var launched = activity.LaunchWhenReady(actor.Id, unmet, time.UtcNow());
            return launched.IsOk ? activity : launched.Error!;
        }, ct);
        return new Outcome(result, verdict);
    }
}
