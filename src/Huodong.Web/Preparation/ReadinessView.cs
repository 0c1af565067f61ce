using Microsoft.Extensions.Localization;

namespace Huodong.Web.Preparation;

/// <summary>The gate's verdict as the API shows it: each condition, and each thing missing in the request's language.</summary>
public sealed record ReadinessAnswer(bool Ready, List<ConditionAnswer> Conditions, List<MissingAnswer> Missing)
{
    public static ReadinessAnswer From(ReadinessVerdict v, IStringLocalizer l)
    {
        MissingAnswer M(GateCondition c, Missing m) => new(c, m.Code, l[m.Text, m.Args.Select(a => (object)l[a].Value).ToArray()].Value);
        return new ReadinessAnswer(v.Ready,
            v.Conditions.Select(c => new ConditionAnswer(c.Condition, c.Clause, c.Met,
                c.Missing.Select(m => M(c.Condition, m)).ToList())).ToList(),
            v.Conditions.SelectMany(c => c.Missing.Select(m => M(c.Condition, m))).ToList());
    }
}

public sealed record ConditionAnswer(GateCondition Condition, string Clause, bool Met, List<MissingAnswer> Missing);

public sealed record MissingAnswer(GateCondition Condition, string Code, string Message);
