using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Improvement;

/// <summary>The English source text the pages show for improvement values.</summary>
public static class ImprovementText
{
    public static string Verdict(ImprovementVerdict v) => v switch
    {
        ImprovementVerdict.Worked => "Worked",
        ImprovementVerdict.DidNotWork => "Did not work",
        _ => "Too early to tell",
    };

    public static string Change(string? change) => change switch
    {
        "improved" => "Improved",
        "worse" => "Worse",
        "unchanged" => "Unchanged",
        _ => "Not known yet",
    };

    public static string Due(DateOnly due) => Display.Day(new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), Display.ChinaOffset));
}
