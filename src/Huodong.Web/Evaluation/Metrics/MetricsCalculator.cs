using Huodong.Web.Budget;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Metrics;

/// <summary>
/// Computes an activity's evaluation (V1.1–V1.4) from its recorded events (E2.4), registrations, surveys, feedback
/// and expenses. Every figure is one aggregate query over an index, so the whole evaluation stays well under a
/// second at 100k participants and a million events (bench/ shows it); nothing is cached because an activity under
/// evaluation may still change.
/// </summary>
public sealed class MetricsCalculator(
    HuodongDb db, ISatisfactionSource satisfaction, IFeedbackSource feedback, IActualCost cost, TimeProvider time)
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

        var participants = await Participants(activityId).CountAsync(ct);
        var eligible = await EligibleAsync(activityId, plan, ct);
        var counts = await EventCountsAsync(activityId, ct);
        var interactions = new InteractionCounts(
            Comments: counts.GetValueOrDefault(ActivityEventKind.Commented),
            Replies: counts.GetValueOrDefault(ActivityEventKind.Submitted),
            Likes: counts.GetValueOrDefault(ActivityEventKind.Liked),
            Questions: counts.GetValueOrDefault(ActivityEventKind.Questioned),
            Answers: counts.GetValueOrDefault(ActivityEventKind.Answered));

        var effect = await EffectAsync(activityId, activity.StartsAt, activity.EndsAt, now, ct);
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

    /// <summary>
    /// Members who took part: a confirmed registration, an accepted reply, or a completed task of this activity.
    /// Cancelled, waitlisted and disqualified registrations do not count.
    /// </summary>
    internal IQueryable<Guid> Participants(Guid activityId) =>
        db.Registrations.Where(r => r.ActivityId == activityId && r.Status == RegistrationStatus.Confirmed).Select(r => r.MemberId)
            .Union(db.ActivityEvents.Where(e => e.ActivityId == activityId && e.MemberId != null
                    && (e.Kind == ActivityEventKind.ReplyAccepted || e.Kind == ActivityEventKind.TaskCompleted))
                .Select(e => e.MemberId!.Value));

    private async Task<int> EligibleAsync(Guid activityId, Plan plan, CancellationToken ct)
    {
        var frozen = await db.Set<LaunchBaseline>().AsNoTracking().Where(b => b.ActivityId == activityId)
            .Select(b => (int?)b.EligibleMembers).SingleOrDefaultAsync(ct);
        if (frozen is { } count) return count;
        // Launched without a baseline (the demo's history) or not launched yet: the members there were at the launch,
        // or are now, by today's levels.
        var launchedAt = await db.Transitions.AsNoTracking()
            .Where(t => t.ActivityId == activityId && t.To == ActivityStatus.Live && t.From == ActivityStatus.Approved)
            .OrderBy(t => t.Id).Select(t => (DateTimeOffset?)t.At).FirstOrDefaultAsync(ct);
        return await EligibleMembers.CountAsync(db, activityId, plan.Eligibility, launchedAt ?? time.GetUtcNow(), ct);
    }

    private async Task<Dictionary<ActivityEventKind, int>> EventCountsAsync(Guid activityId, CancellationToken ct) =>
        await db.ActivityEvents.AsNoTracking().Where(e => e.ActivityId == activityId)
            .GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>
    /// V1.3. Active members = distinct members with any recorded event in any activity within a window. Lift compares
    /// the activity's own span with the same length just before it. Retention looks at members active during the span:
    /// of the participants, and of everyone else active then, the share active again within 7 / 30 days after the end.
    /// A window that has not closed yet gives no figure.
    /// </summary>
    private async Task<EffectFigures> EffectAsync(Guid activityId, DateTimeOffset? start, DateTimeOffset? end,
        DateTimeOffset now, CancellationToken ct)
    {
        if (start is not { } from || end is not { } to || now < to)
            return new EffectFigures(null, null, null, null, null, []);
        var span = to - from;
        var during = await ActiveIn(from, to).CountAsync(ct);
        var before = await ActiveIn(from - span, from).CountAsync(ct);
        double? lift = before == 0 ? null : Math.Round((double)during / before - 1, 4);

        var participants = Participants(activityId);
        var others = ActiveIn(from, to).Where(m => !participants.Contains(m));
        var (p7, o7) = await RetainedAsync(participants, others, to, TimeSpan.FromDays(7), now, ct);
        var (p30, o30) = await RetainedAsync(participants, others, to, TimeSpan.FromDays(30), now, ct);
        return new EffectFigures(lift, p7, p30, o7, o30, []);
    }

    private async Task<(double?, double?)> RetainedAsync(IQueryable<Guid> participants, IQueryable<Guid> others,
        DateTimeOffset end, TimeSpan window, DateTimeOffset now, CancellationToken ct)
    {
        if (now < end + window) return (null, null);
        var p = await SharesAsync(participants, end, end + window, ct);
        var o = await SharesAsync(others, end, end + window, ct);
        return (p, o);
    }

    private async Task<double?> SharesAsync(IQueryable<Guid> group, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var total = await group.CountAsync(ct);
        if (total == 0) return null;
        var again = await group.CountAsync(m => db.ActivityEvents.Any(e => e.MemberId == m && e.At > from && e.At <= to
            && e.Kind != ActivityEventKind.Error), ct);
        return Math.Round((double)again / total, 4);
    }

    private IQueryable<Guid> ActiveIn(DateTimeOffset from, DateTimeOffset to) =>
        db.ActivityEvents.Where(e => e.At >= from && e.At < to && e.MemberId != null && e.Kind != ActivityEventKind.Error)
            .Select(e => e.MemberId!.Value).Distinct();

    private async Task<IReadOnlyList<GoalFigure>> GoalsAsync(Guid activityId, Plan plan, CancellationToken ct)
    {
        var recorded = await db.Set<GoalValue>().AsNoTracking().Where(g => g.ActivityId == activityId)
            .ToDictionaryAsync(g => g.Name, g => g.Actual, ct);
        return (plan.Goals ?? []).Select(g => new GoalFigure(g.Name, g.Target,
            recorded.TryGetValue(g.Name, out var actual) ? actual : null, g.Unit)).ToList();
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
