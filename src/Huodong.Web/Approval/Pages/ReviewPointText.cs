namespace Huodong.Web.Approval.Pages;

/// <summary>The six review points as REGULATION.md A2 asks them; texts are keys of the shared string table.</summary>
public static class ReviewPointText
{
    public static string Clause(ReviewPoint p) => $"A2.{(int)p + 1}";

    public static string Title(ReviewPoint p) => p switch
    {
        ReviewPoint.Theme => "Theme",
        ReviewPoint.Content => "Content",
        ReviewPoint.Participation => "Participation method",
        ReviewPoint.Rewards => "Rewards",
        ReviewPoint.Resources => "Resource needs",
        _ => "Risk assessment",
    };

    public static string Question(ReviewPoint p) => p switch
    {
        ReviewPoint.Theme => "Does the theme fit the community's positioning and members' needs, and is it attractive and fresh?",
        ReviewPoint.Content => "Is the content positive and healthy, lawful and compliant, free of infringement or violations?",
        ReviewPoint.Participation => "Is the way to take part simple and easy for members?",
        ReviewPoint.Rewards => "Are the rewards reasonable and fair, and will they motivate members to take part?",
        ReviewPoint.Resources => "Do the resources needed match the company's means, without waste?",
        _ => "Are the risks estimated accurately, and are the response measures feasible?",
    };

    public static ReviewPoint? Parse(string key) =>
        Enum.TryParse<ReviewPoint>(key, ignoreCase: true, out var p) ? p : null;
}
