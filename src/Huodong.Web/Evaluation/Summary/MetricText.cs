using System.Globalization;

namespace Huodong.Web.Evaluation.Summary;

/// <summary>
/// How the evaluation pages name, define and show each metric of <see cref="MetricKeys"/> (English source text, looked
/// up in the shared resources). Rates are fractions shown as percentages; NPS is a score −100…100; cost in yuan.
/// </summary>
public static class MetricText
{
    /// <summary>The figures shown beside a summary (E3.3), in this order.</summary>
    public static readonly string[] Key = [MetricKeys.Participants, MetricKeys.ParticipationRate, MetricKeys.Interactions,
        MetricKeys.Csat, MetricKeys.Nps, MetricKeys.CostPerParticipant];

    public static string Label(string key) => key switch
    {
        MetricKeys.Participants => "Participants",
        MetricKeys.ParticipationRate => "Participation rate",
        MetricKeys.Interactions => "Interactions",
        MetricKeys.Csat => "Satisfaction (CSAT)",
        MetricKeys.Nps => "Net promoter score (NPS)",
        MetricKeys.ResponseRate => "Survey response rate",
        MetricKeys.ActivityLift => "Activity lift",
        MetricKeys.Retention7 => "7-day retention",
        MetricKeys.Retention30 => "30-day retention",
        MetricKeys.CostPerParticipant => "Cost per participant",
        MetricKeys.BenefitCostRatio => "Benefit–cost ratio",
        _ => key,
    };

    public static string Definition(string key) => key switch
    {
        MetricKeys.Participants => "Members who took part: registered and confirmed, or replied, or completed a task.",
        MetricKeys.ParticipationRate => "Participants ÷ members eligible to take part.",
        MetricKeys.Interactions => "Comments, replies, likes, questions and answers during the activity.",
        MetricKeys.Csat => "Share of survey ratings of 4 or 5 on the 1–5 scale.",
        MetricKeys.Nps => "% promoters (9–10) minus % detractors (0–6), from −100 to 100.",
        MetricKeys.ResponseRate => "Answered surveys ÷ participants.",
        MetricKeys.ActivityLift => "Active members during the activity ÷ active members in the same-length window before, minus 1.",
        MetricKeys.Retention7 => "Share of participants active again within 7 days after the end.",
        MetricKeys.Retention30 => "Share of participants active again within 30 days after the end.",
        MetricKeys.CostPerParticipant => "Actual spend (approved and paid expenses) ÷ participants; lower is better.",
        MetricKeys.BenefitCostRatio => "Expected benefit named in the plan ÷ actual spend.",
        _ => "",
    };

    /// <summary>A value as the pages show it; "—" when there is none.</summary>
    public static string Format(string key, double? value)
    {
        if (value is not { } v) return "—";
        return key switch
        {
            MetricKeys.ParticipationRate or MetricKeys.Csat or MetricKeys.ResponseRate or MetricKeys.ActivityLift
                or MetricKeys.Retention7 or MetricKeys.Retention30 => v.ToString("0.0%", CultureInfo.InvariantCulture),
            MetricKeys.CostPerParticipant => Shared.Display.Money((decimal)v),
            MetricKeys.Nps or MetricKeys.BenefitCostRatio => v.ToString("0.0", CultureInfo.InvariantCulture),
            _ => v.ToString("#,##0", CultureInfo.InvariantCulture),
        };
    }
}
