using Huodong.Web.Planning;

namespace Huodong.Web.Participation;

/// <summary>
/// M1.1, M1.2: every member may take part unless the activity sets a threshold — a minimum level or tasks to have
/// completed. The verdict carries the reason in words a member understands ("you need level 3; you are level 2").
/// </summary>
public static class Eligibility
{
    public sealed record Verdict(bool Eligible, string? ReasonKey, object[] Args, IReadOnlyList<string> MissingTasks);

    public static Verdict Check(EligibilityRule? rule, int memberLevel, IReadOnlySet<string> completedTasks)
    {
        rule ??= new EligibilityRule();
        if (memberLevel < rule.MinLevel)
            return new(false, "You need level {0}; you are level {1}.", [rule.MinLevel, memberLevel], []);
        var missing = (rule.RequiredTasks ?? []).Where(t => !completedTasks.Contains(t)).ToList();
        if (missing.Count > 0)
            return new(false, "You still need to complete: {0}.", [string.Join(", ", missing)], missing);
        return new(true, null, [], []);
    }
}
