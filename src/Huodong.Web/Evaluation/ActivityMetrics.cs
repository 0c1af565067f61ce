namespace Huodong.Web.Evaluation;

/// <summary>
/// The evaluation of one activity (V1.1–V1.4), the body of <c>GET /api/activities/{id}/metrics</c>. Rates are
/// fractions 0–1 (null when the denominator is zero), money in yuan. Each figure's written definition lives with
/// its computation and is shown beside it in the UI.
/// </summary>
public sealed record ActivityMetrics(
    Guid ActivityId,
    int Participants,
    int EligibleMembers,
    double? ParticipationRate,
    int Interactions,
    InteractionCounts InteractionBreakdown,
    SatisfactionFigures Satisfaction,
    FeedbackFigures Feedback,
    EffectFigures Effect,
    CostFigures Cost,
    DateTimeOffset ComputedAt);

public sealed record InteractionCounts(int Comments, int Replies, int Likes, int Questions, int Answers);

/// <summary>
/// From the activity's satisfaction survey (V1.2, V2.2): CSAT = share of rating answers of 4 or 5 on the 1–5 scale;
/// NPS = % promoters (9–10) − % detractors (0–6), −100…100; responses = answered surveys; response rate =
/// responses ÷ participants.
/// </summary>
public sealed record SatisfactionFigures(double? Csat, double? Nps, int Responses, double? ResponseRate)
{
    public static readonly SatisfactionFigures None = new(null, null, 0, null);
}

/// <summary>Private feedback threads members opened with the activity's team (V2.3), and how many the team answered.</summary>
public sealed record FeedbackFigures(int Threads, int Answered)
{
    public static readonly FeedbackFigures None = new(0, 0);
}

/// <summary>
/// V1.3: activity lift = active members during the activity ÷ active members in the same-length window just before,
/// minus 1; retention = share of participants active again within 7 / 30 days after the end, beside the same share
/// among non-participants; goals = the business indicators the plan named, with the values recorded for them.
/// </summary>
public sealed record EffectFigures(
    double? ActivityLift,
    double? Retention7,
    double? Retention30,
    double? Retention7NonParticipants,
    double? Retention30NonParticipants,
    IReadOnlyList<GoalFigure> Goals);

public sealed record GoalFigure(string Name, decimal? Target, decimal? Actual, string? Unit);

/// <summary>V1.4: actual spend (approved and paid expenses), per participant, and benefit ÷ cost where the plan gives a benefit value.</summary>
public sealed record CostFigures(decimal Actual, decimal? PerParticipant, decimal? Benefit, double? BenefitCostRatio);

/// <summary>Computes <see cref="ActivityMetrics"/>; null when there is no such activity.</summary>
public interface IActivityMetrics
{
    Task<ActivityMetrics?> ForAsync(Guid activityId, CancellationToken ct = default);
}

/// <summary>Answered by the surveys: the satisfaction figures of an activity, given its participant count.</summary>
public interface ISatisfactionSource
{
    Task<SatisfactionFigures> ForAsync(Guid activityId, int participants, CancellationToken ct = default);
}

/// <summary>Answered by the feedback inbox.</summary>
public interface IFeedbackSource
{
    Task<FeedbackFigures> ForAsync(Guid activityId, CancellationToken ct = default);
}

/// <summary>
/// The names of the metrics an improvement action can aim at (V3.3) and the comparison lists, in one place, with
/// whether a higher value is better.
/// </summary>
public static class MetricKeys
{
    public const string Participants = "participants";
    public const string ParticipationRate = "participationRate";
    public const string Interactions = "interactions";
    public const string Csat = "csat";
    public const string Nps = "nps";
    public const string ResponseRate = "responseRate";
    public const string ActivityLift = "activityLift";
    public const string Retention7 = "retention7";
    public const string Retention30 = "retention30";
    public const string CostPerParticipant = "costPerParticipant";
    public const string BenefitCostRatio = "benefitCostRatio";

    public static readonly IReadOnlyList<string> All =
        [Participants, ParticipationRate, Interactions, Csat, Nps, ResponseRate, ActivityLift, Retention7, Retention30,
         CostPerParticipant, BenefitCostRatio];

    public static bool HigherIsBetter(string key) => key != CostPerParticipant;

    /// <summary>The value of a named metric, or null when it is unknown or has no value.</summary>
    public static double? ValueOf(ActivityMetrics m, string key) => key switch
    {
        Participants => m.Participants,
        ParticipationRate => m.ParticipationRate,
        Interactions => m.Interactions,
        Csat => m.Satisfaction.Csat,
        Nps => m.Satisfaction.Nps,
        ResponseRate => m.Satisfaction.ResponseRate,
        ActivityLift => m.Effect.ActivityLift,
        Retention7 => m.Effect.Retention7,
        Retention30 => m.Effect.Retention30,
        CostPerParticipant => (double?)m.Cost.PerParticipant,
        BenefitCostRatio => m.Cost.BenefitCostRatio,
        _ => null,
    };
}
