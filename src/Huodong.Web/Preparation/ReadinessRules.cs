namespace Huodong.Web.Preparation;

/// <summary>The four conditions of the readiness gate (DESIGN.md lifecycle; E1.1–E1.4).</summary>
public enum GateCondition { Staffing, Materials, TechnicalCheck, Promotion }

/// <summary>One condition of the gate: whether it holds and, when not, what is missing (English keys, with arguments).</summary>
public sealed record ConditionVerdict(GateCondition Condition, string Clause, bool Met, IReadOnlyList<Missing> Missing);

/// <summary>One thing missing: an English text (a localisation key) with its arguments, e.g. the unstaffed duty's title.</summary>
public sealed record Missing(string Code, string Text, params string[] Args);

/// <summary>The gate's answer: ready only when every condition holds.</summary>
public sealed record ReadinessVerdict(IReadOnlyList<ConditionVerdict> Conditions)
{
    public bool Ready => Conditions.All(c => c.Met);
    public IEnumerable<Missing> AllMissing => Conditions.SelectMany(c => c.Missing);
}

/// <summary>
/// The gate's rules, pure so they can be tested where they live. An activity with no duties at all is not staffed
/// (E1.1 wants a named person for the duties, and at least a host is always needed); an activity with no materials
/// has nothing missing. The latest readiness check is the one that counts: an older pass does not cover a newer failure.
/// </summary>
public static class ReadinessRules
{
    public static ReadinessVerdict Evaluate(IReadOnlyList<Duty> duties, IReadOnlyList<Material> materials,
        ReadinessCheck? latestCheck, PromotionState promotion)
    {
        var staffing = new List<Missing>();
        if (duties.Count == 0) staffing.Add(new Missing("no-duties", "No duties are planned yet."));
        staffing.AddRange(duties.Where(d => !d.IsStaffed)
            .Select(d => new Missing("duty-unstaffed", "Nobody is named for the duty \"{0}\".", d.Title)));

        var stock = materials.Where(m => !m.IsReady)
            .Select(m => new Missing("material-not-ready", "The material \"{0}\" is not ready.", m.Name)).ToList();

        var technical = new List<Missing>();
        if (latestCheck is null) technical.Add(new Missing("no-readiness-check", "No readiness check has been run."));
        else
        {
            technical.AddRange(latestCheck.Probes.OrderBy(p => p.Order).Where(p => !p.Passed)
                .Select(p => new Missing("probe-failed", "The automated check \"{0}\" failed.", p.Name)));
            technical.AddRange(latestCheck.Items.OrderBy(i => i.Order).Where(i => !i.Done)
                .Select(i => new Missing("item-not-ticked", "The checklist item \"{0}\" is not ticked.", i.Title)));
        }

        var announced = promotion is { Sent: true } ? []
            : new List<Missing> { new("promotion-not-sent", "The promotion has not been sent.") };

        return new ReadinessVerdict(
        [
            new(GateCondition.Staffing, "E1.1", staffing.Count == 0, staffing),
            new(GateCondition.Materials, "E1.2", stock.Count == 0, stock),
            new(GateCondition.TechnicalCheck, "E1.3", technical.Count == 0, technical),
            new(GateCondition.Promotion, "E1.4", announced.Count == 0, announced),
        ]);
    }
}
