using Huodong.Web.Audit;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Scheduling;
using Huodong.Web.Shared;

namespace Huodong.Web.Preparation;

/// <summary>
/// E2.1: an approved activity goes Live at or after its start time, only when the readiness gate holds — moved by
/// the scheduler at the start time (<see cref="ScheduledAsync"/>) or by the team (<see cref="ExecuteAsync"/>). The
/// gate is evaluated inside the launch's transaction, with the activity locked, so what it saw is what the launch
/// acted on. At launch the registrants are told that the rules, process and cautions are pinned on the page.
/// </summary>
public sealed class LaunchActivity(ActivityStore store, Readiness readiness, AuditLog audit, TimeProvider time)
{
    public sealed record Outcome(Result<Activity> Result, ReadinessVerdict? Verdict)
    {
        /// <summary>The scheduler found the gate unmet and kept the activity Approved.</summary>
        public bool Held => Result.IsOk && Result.Value!.Status == ActivityStatus.Approved;
    }

    public async Task<Outcome> ExecuteAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        ReadinessVerdict? verdict = null;
        var result = await store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(activityId, ct);
            if (activity is null || !PreparationPermissions.CanView(actor, activity)) return ActivityErrors.NotFound;
            if (!PreparationPermissions.CanChange(actor, activity)) return ActivityErrors.NotOnTeam;
            verdict = await readiness.EvaluateAsync(activityId, ct);
            var now = time.UtcNow();
            var launched = activity.LaunchWhenReady(actor.Id, Unmet(verdict), now);
            if (!launched.IsOk) return launched.Error!;
            await AnnounceAsync(activity, now, ct);
            return activity;
        }, ct);
        return new Outcome(result, verdict);
    }

    /// <summary>
    /// The scheduler's launch at (or after) the start time. When the gate is unmet the activity stays Approved, the
    /// hold is recorded and audited, and the team is alerted the first time; the scheduler tries again later.
    /// </summary>
    public async Task<Outcome> ScheduledAsync(Guid activityId, string node, CancellationToken ct)
    {
        ReadinessVerdict? verdict = null;
        var result = await store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(activityId, ct);
            if (activity is null) return ActivityErrors.NotFound;
            if (activity.Status != ActivityStatus.Approved) return ActivityErrors.WrongState(activity.Status);
            var now = time.UtcNow();
            if (activity.StartsAt is not { } due || now < due) return ActivityErrors.NotYetTime;
            verdict = await readiness.EvaluateAsync(activityId, ct);
            var unmet = Unmet(verdict);
            if (unmet.Count == 0)
            {
                var launched = activity.LaunchWhenReady(SchedulerAccount.Id, unmet, now);
                if (!launched.IsOk) return launched.Error!;
                store.Db.Add(new ScheduledRun(activityId, ScheduledStep.Launch, due, now, node));
                await AnnounceAsync(activity, now, ct);
                return activity;
            }
            var clauses = string.Join(", ", verdict.Conditions.Where(c => !c.Met).Select(c => c.Clause));
            if (activity.HoldLaunch(unmet, now))
            {
                await audit.AppendAsync(SchedulerAccount.Id, "activity.launch.held", "activity", activityId.ToString(),
                    new { unmet, clauses }, ct);
                foreach (var member in activity.Team)
                    Notifier.Notify(store.Db, member.UserId, NotificationKind.LaunchHeld, activityId, activity.Title, now, clauses);
            }
            return activity;
        }, ct);
        return new Outcome(result, verdict);
    }

    private static List<string> Unmet(ReadinessVerdict verdict) =>
        verdict.Conditions.Where(c => !c.Met).Select(c => c.Condition.ToString()).ToList();

    /// <summary>
    /// E2.1: the rules, process and cautions are pinned on the page (from the plan); registrants are told. The
    /// evaluation's baseline (how many members were eligible) is frozen at the same moment (V1.1).
    /// </summary>
    private async Task AnnounceAsync(Activity activity, DateTimeOffset now, CancellationToken ct)
    {
        await Evaluation.Metrics.LaunchBaseline.RecordAsync(store.Db, activity, now, ct);
        await Notifier.NotifyRegistrantsAsync(store.Db, activity, NotificationKind.ActivityLaunched, now, ct);
    }
}
