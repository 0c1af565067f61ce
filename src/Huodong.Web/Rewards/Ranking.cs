namespace Huodong.Web.Rewards;

/// <summary>A scored submission as the ranking sees it: its author, when it came in, and every judge's total.</summary>
public sealed record ScoredEntry(Guid SubmissionId, Guid MemberId, string Code, DateTimeOffset SubmittedAt, IReadOnlyList<decimal> Totals)
{
    /// <summary>Several judges average (rounded to 2 decimals, so the published figure is the one compared).</summary>
    public decimal Average => Math.Round(Totals.Average(), 2, MidpointRounding.AwayFromZero);
}

public sealed record RankedMember(int Rank, Guid MemberId, string Code, Guid SubmissionId, decimal Average, int Judges, DateTimeOffset SubmittedAt);

/// <summary>
/// The Ranking rule (A2.4, G3.2): each submission's score is the average of its judges' rubric totals; a member is
/// ranked by their best submission; ties go to the earlier submission, then to the lower registration code (which is
/// the earlier registration). Only entries of members still eligible are given; disqualified members never rank.
/// </summary>
public static class Ranking
{
    public const string TieRule = "Higher average score first; on a tie, the earlier submission; then the earlier registration.";

    public static List<RankedMember> Rank(IEnumerable<ScoredEntry> entries) =>
        entries.Where(e => e.Totals.Count > 0)
            .GroupBy(e => e.MemberId)
            .Select(g => g.OrderByDescending(e => e.Average).ThenBy(e => e.SubmittedAt).First())
            .OrderByDescending(e => e.Average).ThenBy(e => e.SubmittedAt).ThenBy(e => e.Code, StringComparer.Ordinal)
            .Select((e, i) => new RankedMember(i + 1, e.MemberId, e.Code, e.SubmissionId, e.Average, e.Totals.Count, e.SubmittedAt))
            .ToList();
}
