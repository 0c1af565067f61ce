using Huodong.Web.Conduct.Filter;

namespace Huodong.Web.Conduct;

/// <summary>
/// <c>Conduct:</c> configuration: advertising detection, flood limits and the severity guideline table. The
/// defaults are the community's starting rules; operators tune them without a release.
/// </summary>
public sealed class ConductOptions
{
    public AdvertisingRules Advertising { get; set; } = new();
    public FloodRules Flood { get; set; } = new();
    public CheatRules Cheating { get; set; } = new();
    /// <summary>Violation + prior penalties → suggested action. The first row whose category and repeat count fit wins.</summary>
    public List<Guideline> Guidelines { get; set; } = [];

    public IReadOnlyList<Guideline> EffectiveGuidelines => Guidelines.Count > 0 ? Guidelines : Guideline.Defaults;
}

/// <summary>
/// Flood limits: more than <see cref="PostsPerMinute"/> posts in a minute is refused with <see cref="RateAction"/>;
/// the same or nearly the same text posted <see cref="Repeats"/> times within <see cref="RepeatWindowMinutes"/>
/// gets <see cref="RepeatAction"/>.
/// </summary>
public sealed record FloodRules(bool Enabled = true, int PostsPerMinute = 10, ConductAction RateAction = ConductAction.Block,
    int Repeats = 3, int RepeatWindowMinutes = 10, ConductAction RepeatAction = ConductAction.Hold);

/// <summary>
/// Cheat detection (M3.3): <see cref="BurstCount"/> registrations for one activity from one network within
/// <see cref="BurstSeconds"/> are a burst; <see cref="DeviceAccounts"/> accounts seen on one device are a cluster;
/// <see cref="NetworkAccounts"/> registrants of one activity on one network are unusually many; two submissions whose
/// estimated similarity reaches <see cref="PlagiarismSimilarity"/> are near-duplicates.
/// </summary>
public sealed record CheatRules(bool Enabled = true, int BurstCount = 5, int BurstSeconds = 10, int DeviceAccounts = 2,
    int NetworkAccounts = 20, double PlagiarismSimilarity = 0.4);

/// <summary>A row of the severity guideline table (M3.3 "penalised according to the severity").</summary>
public sealed record Guideline(ConductCategory? Category, int MinPrior, CaseDecision Action, int? Days = null, int? Points = null)
{
    public static readonly IReadOnlyList<Guideline> Defaults =
    [
        new(ConductCategory.Illegal, 1, CaseDecision.Ban),
        new(ConductCategory.Illegal, 0, CaseDecision.Suspend, Days: 30),
        new(ConductCategory.Cheating, 0, CaseDecision.Disqualify),
        new(ConductCategory.Abuse, 2, CaseDecision.Suspend, Days: 7),
        new(ConductCategory.Abuse, 1, CaseDecision.DeductPoints, Points: 50),
        new(ConductCategory.Discrimination, 1, CaseDecision.Suspend, Days: 7),
        new(ConductCategory.Advertising, 2, CaseDecision.Suspend, Days: 3),
        new(ConductCategory.Flooding, 2, CaseDecision.Suspend, Days: 1),
        new(null, 3, CaseDecision.Suspend, Days: 7),
        new(null, 1, CaseDecision.DeductPoints, Points: 20),
        new(null, 0, CaseDecision.Warn),
    ];

    public static Guideline Suggest(IReadOnlyList<Guideline> table, ConductCategory category, int prior) =>
        table.FirstOrDefault(g => (g.Category is null || g.Category == category) && prior >= g.MinPrior)
        ?? new Guideline(null, 0, CaseDecision.Warn);
}
