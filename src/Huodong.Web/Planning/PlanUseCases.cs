using Huodong.Web.People;
using Huodong.Web.Shared;

namespace Huodong.Web.Planning;

/// <summary>The planner's use cases (P1–P2.5): create, edit, submit, amend and cancel a plan.</summary>
public sealed class PlanUseCases(ActivityStore store, TimeProvider time)
{
    public async Task<Result<Activity>> CreateAsync(Actor actor, Plan plan, CancellationToken ct)
    {
        if (!PlanningPermissions.CanCreate(actor)) return Error.Forbidden;
        var invalid = PlanRules.Validate(plan);
        if (invalid.Count > 0) return Error.Validation(invalid);
        return await store.InTransactionAsync<Activity>(async () =>
        {
            var team = await store.ResolveTeamAsync(plan, ct);
            if (!team.IsOk) return team.Error!;
            var activity = Activity.Create(actor.Id, plan, team.Value!, time.UtcNow());
            store.Db.Activities.Add(activity);
            return activity;
        }, ct);
    }

    /// <summary>
    /// Edits a draft or a returned plan (409 in any other state: after approval a change is an amendment, which has
    /// its own route, <c>POST /api/activities/{id}/amendments</c>).
    /// </summary>
    public Task<Result<Activity>> EditAsync(Actor actor, Guid id, Plan plan, CancellationToken ct) =>
        ChangeWithPlanAsync(actor, id, plan, (a, team) => a.Edit(actor.Id, plan, team, time.UtcNow()), ct);

    public Task<Result<Activity>> AmendAsync(Actor actor, Guid id, Plan plan, CancellationToken ct) =>
        ChangeWithPlanAsync(actor, id, plan, (a, _) => a.Amend(actor.Id, plan, time.UtcNow()), ct);

    public Task<Result<Activity>> SubmitAsync(Actor actor, Guid id, CancellationToken ct) =>
        ChangeAsync(actor, id, a => a.Submit(actor.Id, time.UtcNow()), ct);

    /// <summary>Cancels the activity and tells everyone registered, with the reason.</summary>
    public Task<Result<Activity>> CancelAsync(Actor actor, Guid id, string? reason, CancellationToken ct) =>
        store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(id, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            var now = time.UtcNow();
            var result = activity.Cancel(actor.Id, actor.Is(Roles.Leader), reason, now);
            if (!result.IsOk) return result.Error!;
            await Participation.Notifier.NotifyRegistrantsAsync(store.Db, activity,
                Participation.NotificationKind.ActivityCancelled, now, ct, activity.CancelReason!);
            return activity;
        }, ct);

    private Task<Result<Activity>> ChangeWithPlanAsync(Actor actor, Guid id, Plan plan,
        Func<Activity, List<Guid>, Result> change, CancellationToken ct)
    {
        var invalid = PlanRules.Validate(plan);
        if (invalid.Count > 0) return Task.FromResult<Result<Activity>>(Error.Validation(invalid));
        return store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(id, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (!PlanningPermissions.CanEdit(actor, activity)) return ActivityErrors.NotOnTeam;
            var team = await store.ResolveTeamAsync(plan, ct);
            if (!team.IsOk) return team.Error!;
            var result = change(activity, team.Value!);
            return result.IsOk ? activity : result.Error!;
        }, ct);
    }

    private Task<Result<Activity>> ChangeAsync(Actor actor, Guid id, Func<Activity, Result> change, CancellationToken ct) =>
        store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(id, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            var result = change(activity);
            return result.IsOk ? activity : result.Error!;
        }, ct);
}
