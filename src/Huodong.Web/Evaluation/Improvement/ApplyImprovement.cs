using Huodong.Web.Audit;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Improvement;

/// <summary>
/// V3.2: the planner of a later plan of the action's format marks it "applied in this plan" (<c>POST
/// /api/improvements/{id}/apply</c> with <c>{"activityId"}</c>), or takes the mark back (<c>DELETE</c>), while the
/// plan is drafted or edited. The link is what V3.3 compares before and after.
/// </summary>
public sealed class ApplyImprovement(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public Task<Result<ImprovementAction>> ApplyAsync(Actor actor, Guid id, Guid? activityId, CancellationToken ct) =>
        Change(actor, id, activityId, apply: true, ct);

    public Task<Result<ImprovementAction>> UnapplyAsync(Actor actor, Guid id, Guid? activityId, CancellationToken ct) =>
        Change(actor, id, activityId, apply: false, ct);

    private Task<Result<ImprovementAction>> Change(Actor actor, Guid id, Guid? activityId, bool apply, CancellationToken ct) =>
        store.InTransactionAsync<ImprovementAction>(async () =>
        {
            var db = store.Db;
            var action = await db.Set<ImprovementAction>().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (action is null || !ImprovementPermissions.CanList(actor)) return ImprovementErrors.NotFound;
            if (activityId is not { } targetId) return Error.Field("activityId", "Required.");
            var target = await db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == targetId, ct);
            if (target is null || !PlanningPermissions.CanSee(actor, target)) return Error.Field("activityId", "No such activity.");
            if (!ImprovementPermissions.CanApply(actor, target)) return Error.Forbidden;
            if (!target.Status.IsEditable() && !target.Status.IsAmendable()) return ImprovementErrors.PlanNotEditable;
            var at = time.UtcNow();
            var before = action.AppliedToActivityId;
            var done = apply ? action.ApplyTo(target, actor.Id, at) : action.Unapply(target.Id, at);
            if (!done.IsOk) return done.Error!;
            if (action.AppliedToActivityId != before)
                await audit.AppendAsync(actor.Id, apply ? "improvement.applied" : "improvement.unapplied", "improvement", id.ToString(),
                    new { activityId = target.Id }, ct);
            return action;
        }, ct);
}
