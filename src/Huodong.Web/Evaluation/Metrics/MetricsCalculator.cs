using Huodong.Web.Budget;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Metrics;

/// <summary>
/// Computes an activity's evaluation (V1.1–V1.4) from its recorded events (E2.4), registrations, surveys, feedback
/// and expenses. Each figure is one aggregate query over an index, so the evaluation stays well under a second at
/// 100k participants and a million events (bench/evaluation). Figures are computed at each read, since an activity
/// may still change, except the effect figures: final once their windows close, they are kept
/// (<see cref="EffectCalculator"/>).
/// </summary>
public sealed class MetricsCalculator(
    HuodongDb db, EffectCalculator effects, ISatisfactionSource satisfaction, IFeedbackSource feedback, IActualCost cost,
    TimeProvider time)
    : IActivityMetrics
{
    public async Task<ActivityMetrics?> ForAsync(Guid activityId, CancellationToken ct = default)
    {
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new { a.Id, a.StartsAt, a.EndsAt, a.ApprovedPlanJson, a.WorkingPlanJson })
            .SingleOrDefaultAsync(ct);
        if (activity is null) return null;
        var plan = Plan.FromJson(activity.ApprovedPlanJson ?? activity.WorkingPlanJson);
        var now = time.GetUtcNow();

        var participants = await ActivityParticipants.CountAsync(db, activityId, ct);
        var eligible = await EligibleAsync(activityId, plan, ct);
        var counts = await EventCountsAsync(activityId, ct);
        var interactions = new InteractionCounts(
            Comments: counts.GetValueOrDefault(ActivityEventKind.Commented),
            Replies: counts.GetValueOrDefault(ActivityEventKind.Submitted),
            Likes: counts.GetValueOrDefault(ActivityEventKind.Liked),
            Questions: counts.GetValueOrDefault(ActivityEventKind.Questioned),
            Answers: counts.GetValueOrDefault(ActivityEventKind.Answered));

        var effect = await effects.ForAsync(activityId, activity.StartsAt, activity.EndsAt, ActivityParticipants.Of(db, activityId), ct);
        var goals = await GoalsAsync(activityId, plan, ct);
        var actual = await cost.OfAsync(activityId, ct);
        decimal? perParticipant = participants == 0 ? null : decimal.Round(actual / participants, 2);
        double? benefitCost = plan.BenefitValue is { } benefit && actual > 0 ? Math.Round((double)(benefit / actual), 4) : null;

        return new ActivityMetrics(
            activityId, participants, eligible, Ratio(participants, eligible),
            interactions.Comments + interactions.Replies + interactions.Likes + interactions.Questions + interactions.Answers,
            interactions,
            await satisfaction.ForAsync(activityId, participants, ct),
            await feedback.ForAsync(activityId, ct),
            effect with { Goals = goals },
            new CostFigures(actual, perParticipant, plan.BenefitValue, benefitCost),
            now);
    }

    private async Task<int> EligibleAsync(Guid activityId, Plan plan, CancellationToken ct)
    {
        var frozen = await db.Set<LaunchBaseline>().AsNoTracking().Where(b => b.ActivityId == activityId)
            .Select(b => (int?)b.EligibleMembers).SingleOrDefaultAsync(ct);
        if (frozen is { } count) return count;
        // Launched without a baseline (the demo's history) or not launched yet: the members there were at the launch,
        // or are now, by today's levels.
        var launchedAt = await LaunchBaseline.Launches(db).Where(t => t.ActivityId == activityId).OrderBy(t => t.Id).Select(t => (DateTimeOffset?)t.At).FirstOrDefaultAsync(ct);
        return await EligibleMembers.CountAsync(db, activityId, plan.Eligibility, launchedAt ?? time.GetUtcNow(), ct);
    }

    private async Task<Dictionary<ActivityEventKind, int>> EventCountsAsync(Guid activityId, CancellationToken ct) =>
        await db.ActivityEvents.AsNoTracking().Where(e => e.ActivityId == activityId)
            .GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    private async Task<IReadOnlyList<GoalFigure>> GoalsAsync(Guid activityId, Plan plan, CancellationToken ct)
    {
        var recorded = await db.Set<GoalValue>().AsNoTracking().Where(g => g.ActivityId == activityId)
            .ToDictionaryAsync(g => g.Name, g => g.Actual, ct);
        return (plan.Goals ?? []).Select(g => new GoalFigure(g.Name, g.Target,
            recorded.TryGetValue(g.Name, out var actual) ? actual : null, g.Unit)).ToList();
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
