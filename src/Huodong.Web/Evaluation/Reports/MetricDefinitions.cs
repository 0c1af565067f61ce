namespace Huodong.Web.Evaluation.Reports;

/// <summary>
/// The written definition of every figure the report shows, in one place (V1.1–V1.4): a label and a definition,
/// both English resource keys translated by the pages. Keyed by <see cref="MetricKeys"/> plus the breakdown figures.
/// </summary>
public static class MetricDefinitions
{
    public const string EligibleMembers = "eligibleMembers";
    public const string Comments = "comments";
    public const string Replies = "replies";
    public const string Likes = "likes";
    public const string Questions = "questions";
    public const string Answers = "answers";
    public const string Responses = "responses";
    public const string FeedbackThreads = "feedbackThreads";
    public const string ActualCost = "actualCost";
    public const string Retention7NonParticipants = "retention7NonParticipants";
    public const string Retention30NonParticipants = "retention30NonParticipants";

    public sealed record Definition(string Label, string Text, MetricFormat Format);

    public enum MetricFormat { Count, Percent, Score, Money, Ratio }

    public static readonly IReadOnlyDictionary<string, Definition> All = new Dictionary<string, Definition>
    {
        [MetricKeys.Participants] = new("Participants", "Members who took part: a confirmed registration, an accepted reply or a completed task of this activity. Cancelled, waitlisted and disqualified registrations do not count.", MetricFormat.Count),
        [EligibleMembers] = new("Eligible members", "Member accounts that existed at the launch, at the plan's minimum level, with every required task done; counted once at the launch.", MetricFormat.Count),
        [MetricKeys.ParticipationRate] = new("Participation rate", "Participants ÷ eligible members.", MetricFormat.Percent),
        [MetricKeys.Interactions] = new("Interactions", "Comments, replies, likes, questions and answers recorded in the activity, each counted once.", MetricFormat.Count),
        [Comments] = new("Comments", "Top-level comments posted on the activity.", MetricFormat.Count),
        [Replies] = new("Replies", "Replies and task evidence members submitted.", MetricFormat.Count),
        [Likes] = new("Likes", "Likes given to comments.", MetricFormat.Count),
        [Questions] = new("Questions", "Comments marked as questions.", MetricFormat.Count),
        [Answers] = new("Answers", "Answers the team gave to questions.", MetricFormat.Count),
        [MetricKeys.Csat] = new("CSAT", "Share of satisfaction ratings of 4 or 5 on the 1–5 scale in the post-activity survey.", MetricFormat.Percent),
        [MetricKeys.Nps] = new("NPS", "Share of promoters (9–10) minus share of detractors (0–6) on the 0–10 recommendation question, from −100 to 100.", MetricFormat.Score),
        [Responses] = new("Survey responses", "Participants who answered the post-activity survey.", MetricFormat.Count),
        [MetricKeys.ResponseRate] = new("Response rate", "Survey responses ÷ participants.", MetricFormat.Percent),
        [FeedbackThreads] = new("Feedback threads", "Private feedback threads members opened with the team, and how many the team answered.", MetricFormat.Count),
        [MetricKeys.ActivityLift] = new("Activity lift", "Distinct members with any recorded event in any activity during this one ÷ those in the same-length window just before, minus 1.", MetricFormat.Percent),
        [MetricKeys.Retention7] = new("7-day retention", "Of the participants active during the activity, the share active again within 7 days after the end.", MetricFormat.Percent),
        [Retention7NonParticipants] = new("7-day retention, non-participants", "The same share among members who did not take part, for comparison.", MetricFormat.Percent),
        [MetricKeys.Retention30] = new("30-day retention", "Of the participants active during the activity, the share active again within 30 days after the end.", MetricFormat.Percent),
        [Retention30NonParticipants] = new("30-day retention, non-participants", "The same share among members who did not take part, for comparison.", MetricFormat.Percent),
        [ActualCost] = new("Actual cost", "Approved and paid expenses of the activity.", MetricFormat.Money),
        [MetricKeys.CostPerParticipant] = new("Cost per participant", "Actual cost ÷ participants. Lower is better.", MetricFormat.Money),
        [MetricKeys.BenefitCostRatio] = new("Benefit ÷ cost", "The benefit value the plan gives ÷ the actual cost.", MetricFormat.Ratio),
    };

    public static Definition Of(string key) => All[key];
}
