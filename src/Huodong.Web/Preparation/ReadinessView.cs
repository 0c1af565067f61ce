using Microsoft.Extensions.Localization;

namespace Huodong.Web.Preparation;

/// <summary>The gate's verdict as the API shows it: each condition, and each thing missing in the request's language.</summary>
public sealed record ReadinessAnswer(bool Ready, List<ConditionAnswer> Conditions, List<MissingAnswer> Missing)
{
    public static ReadinessAnswer From(ReadinessVerdict v, IStringLocalizer l)
    {
        // Arguments are shown in the request's language too: item titles are keys, probes are shown by their label.
        string Arg(Missing m, string a) => l[m.Code == "probe-failed" ? Pages.PreparationLabels.Probe(a) : a].Value;
        MissingAnswer M(GateCondition c, Missing m) => new(c, m.Code, l[m.Text, m.Args.Select(a => (object)Arg(m, a)).ToArray()].Value);
        return new ReadinessAnswer(v.Ready,
            v.Conditions.Select(c => new ConditionAnswer(c.Condition, c.Clause, c.Met,
                c.Missing.Select(m => M(c.Condition, m)).ToList())).ToList(),
            v.Conditions.SelectMany(c => c.Missing.Select(m => M(c.Condition, m))).ToList());
    }
}

public sealed record ConditionAnswer(GateCondition Condition, string Clause, bool Met, List<MissingAnswer> Missing);

public sealed record MissingAnswer(GateCondition Condition, string Code, string Message);
