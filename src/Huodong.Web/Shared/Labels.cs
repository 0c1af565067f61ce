using System.Text;
using Huodong.Web.Approval;
using Huodong.Web.Planning;

namespace Huodong.Web.Shared;

/// <summary>
/// The English text (a key of the shared string table) the pages show for enum values and history codes.
/// Enum names become words (<c>HeadReview</c> → "Head review"); a few get a fuller phrase.
/// </summary>
public static class Labels
{
    public static string Humanize(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1])) sb.Append(' ').Append(char.ToLowerInvariant(c));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Of(ActivityStatus s) => Humanize(s.ToString());
    public static string Of(ActivityFormat f) => f == ActivityFormat.CheckIn ? "Check-in" : f.ToString();
    public static string Of(BudgetCategory c) => c == BudgetCategory.TechSupport ? "Technical support" : c.ToString();
    public static string Of(RewardKind k) => k.ToString();
    public static string Of(RewardRule r) => r switch
    {
        RewardRule.Ranking => "By ranking", RewardRule.Draw => "By draw", _ => "Everyone who completes",
    };
    public static string Of(RiskLevel r) => r.ToString();
    public static string Of(ParticipationMethod m) => m switch
    {
        ParticipationMethod.Registration => "Online registration",
        ParticipationMethod.Reply => "Reply with specified content",
        _ => "Complete specific tasks",
    };
    public static string Of(ReviewDecision d) => d switch
    {
        ReviewDecision.Pass => "Passed", ReviewDecision.Return => "Returned", _ => "Rejected",
    };
    public static string Of(ReviewStage s) => s == ReviewStage.Head ? "Community head" : "Superior leader";

    /// <summary>The amendment's state as shown next to the status badge.</summary>
    public static string Of(AmendmentStatus a) => a switch
    {
        AmendmentStatus.HeadReview => "Amendment: head review",
        AmendmentStatus.LeaderReview => "Amendment: leader review",
        _ => "Amendment returned",
    };

    /// <summary>The CSS modifier of a state badge (Draft grey, reviews amber, Returned orange …).</summary>
    public static string BadgeClass(ActivityStatus s) => s switch
    {
        ActivityStatus.Draft => "badge--draft",
        ActivityStatus.HeadReview or ActivityStatus.LeaderReview => "badge--review",
        ActivityStatus.Returned => "badge--returned",
        ActivityStatus.Approved => "badge--approved",
        ActivityStatus.Live => "badge--live",
        ActivityStatus.Rejected => "badge--rejected",
        ActivityStatus.Cancelled => "badge--cancelled",
        _ => "badge--ended",
    };

    public static string BadgeClass(AmendmentStatus a) => a == AmendmentStatus.Returned ? "badge--returned" : "badge--review";

    /// <summary>History codes (<c>activity.review.head.passed</c>) as a sentence.</summary>
    public static string OfAction(string code) => code switch
    {
        "activity.created" => "Created",
        "activity.updated" => "Edited",
        "activity.submitted" => "Submitted for review",
        "activity.cancelled" => "Cancelled",
        "activity.review.head.passed" => "Passed by the community head",
        "activity.review.head.returned" => "Returned by the community head",
        "activity.review.head.rejected" => "Rejected by the community head",
        "activity.review.leader.approved" => "Approved by the superior leader",
        "activity.review.leader.returned" => "Returned by the superior leader",
        "activity.review.leader.rejected" => "Rejected by the superior leader",
        "activity.amendment.submitted" => "Amendment submitted",
        "activity.amendment.review.head.passed" => "Amendment passed by the community head",
        "activity.amendment.review.head.returned" => "Amendment returned by the community head",
        "activity.amendment.review.head.rejected" => "Amendment rejected by the community head",
        "activity.amendment.review.leader.approved" => "Amendment approved by the superior leader",
        "activity.amendment.review.leader.returned" => "Amendment returned by the superior leader",
        "activity.amendment.review.leader.rejected" => "Amendment rejected by the superior leader",
        _ => code,
    };
}
