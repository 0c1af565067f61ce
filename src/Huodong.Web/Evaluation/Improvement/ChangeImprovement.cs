using Huodong.Web.Audit;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Improvement;

/// <summary>
/// <c>PUT /api/improvements/{id}</c> (status, owner, due date — by its owner, the source team or the community head)
/// and <c>POST /api/improvements/{id}/verdict</c> (V3.3, any staff member). Each change is audited.
/// </summary>
public sealed class ChangeImprovement(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public Task<Result<ImprovementAction>> UpdateAsync(Actor actor, Guid id, ImprovementChange input, CancellationToken ct) =>
        store.InTransactionAsync<ImprovementAction>(async () =>
        {
            var db = store.Db;
            var (action, source) = await LoadAsync(id, ct);
            if (action is null || source is null || !ImprovementPermissions.CanList(actor)) return ImprovementErrors.NotFound;
            if (!ImprovementPermissions.CanChange(actor, action, source)) return Error.Forbidden;
            Guid? owner = null;
            if (!string.IsNullOrWhiteSpace(input.Owner))
            {
                owner = await StaffDirectory.FindAsync(db, input.Owner, ct);
                if (owner is null) return ImprovementErrors.UnknownOwner;
            }
            var changed = action.Update(input.Status, owner, input.DueOn, time.UtcNow());
            if (changed.Count > 0)
                await audit.AppendAsync(actor.Id, "improvement.updated", "improvement", id.ToString(), changed, ct);
            return action;
        }, ct);

    public Task<Result<ImprovementAction>> VerdictAsync(Actor actor, Guid id, VerdictInput input, CancellationToken ct) =>
        store.InTransactionAsync<ImprovementAction>(async () =>
        {
            var (action, _) = await LoadAsync(id, ct);
            if (action is null || !ImprovementPermissions.CanList(actor)) return ImprovementErrors.NotFound;
            if (!ImprovementPermissions.CanJudge(actor)) return Error.Forbidden;
            var recorded = action.RecordVerdict(input.Verdict, input.Note, actor.Id, time.UtcNow());
            if (!recorded.IsOk) return recorded.Error!;
            await audit.AppendAsync(actor.Id, "improvement.verdict", "improvement", id.ToString(),
                new { verdict = action.Verdict.ToString(), note = action.VerdictNote }, ct);
            return action;
        }, ct);

    private async Task<(ImprovementAction?, Activity?)> LoadAsync(Guid id, CancellationToken ct)
    {
        var action = await store.Db.Set<ImprovementAction>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return (null, null);
        var source = await store.Db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == action.SourceActivityId, ct);
        return (action, source);
    }
}
