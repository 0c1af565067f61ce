namespace Huodong.Web.Evaluation.Surveys.Pages;

/// <summary>The English source text the pages show for survey enums (keys of the shared string table).</summary>
public static class SurveyLabels
{
    public static string Of(SurveyPurpose p) => p switch
    {
        SurveyPurpose.NeedsResearch => "Needs research",
        SurveyPurpose.Satisfaction => "Satisfaction",
        _ => "Other",
    };

    public static string Of(SurveyAudience a) => a switch
    {
        SurveyAudience.AllMembers => "All members",
        SurveyAudience.EligibleMembers => "Eligible members of the activity",
        _ => "Participants of the activity",
    };

    public static string Of(SurveyStatus s) => s switch
    {
        // Their own keys: "Open" and "Closed" elsewhere are an action's and an activity's states, worded otherwise.
        SurveyStatus.Draft => "Draft",
        SurveyStatus.Open => "Accepting answers",
        _ => "Survey closed",
    };

    public static string Of(QuestionType t) => t switch
    {
        QuestionType.SingleChoice => "Single choice",
        QuestionType.MultipleChoice => "Multiple choice",
        QuestionType.Rating => "Rating (1–5)",
        QuestionType.Nps => "Recommendation score (0–10)",
        _ => "Free text",
    };

    public static string Badge(SurveyStatus s) => s switch
    {
        SurveyStatus.Draft => "badge--draft",
        SurveyStatus.Open => "badge--live",
        _ => "badge--ended",
    };

    /// <summary>0.634 → "63%"; null → "—".</summary>
    public static string Percent(double? fraction) => fraction is { } f ? $"{Math.Round(f * 100):0}%" : "—";
}
