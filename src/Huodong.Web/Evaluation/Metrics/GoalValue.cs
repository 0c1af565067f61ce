using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Metrics;

/// <summary>The measured value of one business goal the plan named (V1.3), entered by the team or posted by a system.</summary>
public class GoalValue
{
    public const int MaxName = 200;
    private GoalValue() { }

    public GoalValue(Guid activityId, string name, decimal actual, Guid byId, DateTimeOffset at)
    {
        ActivityId = activityId;
        Name = name;
        Set(actual, byId, at);
    }

    public Guid ActivityId { get; private set; }
    public string Name { get; private set; } = "";
    public decimal Actual { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public void Set(decimal actual, Guid byId, DateTimeOffset at)
    {
        Actual = actual;
        RecordedBy = byId;
        RecordedAt = at;
    }
}

public sealed record GoalValueInput(string? Name, decimal? Actual);

/// <summary>
/// <c>POST /api/activities/{id}/goals</c>: the team records (or corrects) the measured value of a goal of the
/// approved plan once the activity has started; audited, because the figure feeds the evaluation.
/// </summary>
public sealed class RecordGoalValue(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public Task<Result<GoalValue>> ExecuteAsync(Actor actor, Guid activityId, GoalValueInput input, CancellationToken ct) =>
        store.InTransactionAsync<GoalValue>(async () =>
        {
            var activity = await store.FindAsync(activityId, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (!activity.IsOnTeam(actor.Id)) return ActivityErrors.NotOnTeam;
            if (!EvaluationPermissions.IsMeasurable(activity.Status)) return ActivityErrors.WrongState(activity.Status);
            var goal = (activity.ApprovedPlan?.Goals ?? []).FirstOrDefault(g => g.Name == input.Name?.Trim());
            if (goal is null) return Error.Field("name", EvaluationErrors.UnknownGoal);
            if (input.Actual is not { } actual) return Error.Field("actual", Planning.PlanRules.Required);
            if (actual is < -1_000_000_000_000m or > 1_000_000_000_000m) return Error.Field("actual", Planning.PlanRules.TooLarge);

            var now = time.UtcNow();
            var row = await store.Db.Set<GoalValue>().SingleOrDefaultAsync(g => g.ActivityId == activityId && g.Name == goal.Name, ct);
            if (row is null) store.Db.Add(row = new GoalValue(activityId, goal.Name, actual, actor.Id, now));
            else row.Set(actual, actor.Id, now);
            await audit.AppendAsync(actor.Id, "activity.goal.recorded", "activity", activityId.ToString(),
                new { goal = goal.Name, actual }, ct);
            return row;
        }, ct);
}
