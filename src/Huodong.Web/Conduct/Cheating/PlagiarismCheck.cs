using Huodong.Web.Conduct.Filter;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Conduct.Cheating;

/// <summary>
/// M3.3 plagiarism, run on every stored submission: its MinHash signature and band keys are stored, and the earlier
/// submissions by other members that share a band key — in this activity or any earlier one — are compared; the
/// most similar at or above <see cref="CheatRules.PlagiarismSimilarity"/> opens a case naming it.
/// </summary>
public sealed class PlagiarismCheck(HuodongDb db, IOptions<ConductOptions> options, TimeProvider time)
{
    /// <summary>More candidates than this for one text means a template everyone fills in; the first ones suffice.</summary>
    private const int MaxCandidates = 200;

    /// <summary>Adds the new (not yet saved) submission's print, and a case when it copies an earlier one.</summary>
    public async Task<ModerationCase?> RecordAsync(Submission submission, CancellationToken ct)
    {
        var rules = options.Value.Cheating;
        if (!rules.Enabled) return null;
        var signature = MinHash.Signature(TextNormalizer.Fold(submission.Content));
        if (signature is null) return null;
        var keys = MinHash.BandKeys(signature);
        db.SubmissionPrints.Add(new SubmissionPrint(submission.Id, submission.ActivityId, submission.MemberId, submission.CreatedAt,
            MinHash.ToBytes(signature)));
        db.SubmissionBands.AddRange(keys.Select(k => new SubmissionBand(k, submission.Id)));

        var match = await BestEarlierMatchAsync(submission.Id, submission.MemberId, submission.CreatedAt, signature, keys, ct);
        if (match is not { } m || m.Similarity < rules.PlagiarismSimilarity) return null;
        var original = await db.Submissions.AsNoTracking().Where(s => s.Id == m.SubmissionId).Select(s => s.Content).FirstAsync(ct);
        var @case = Case(submission.Id, submission.MemberId, submission.ActivityId, submission.Content, original, m, time.UtcNow());
        db.ModerationCases.Add(@case);
        return @case;
    }

    /// <summary>The earlier submission by another member most like <paramref name="signature"/>, among those sharing a band.</summary>
    public async Task<(Guid SubmissionId, double Similarity)?> BestEarlierMatchAsync(Guid submissionId, Guid memberId,
        DateTimeOffset at, uint[] signature, long[] keys, CancellationToken ct)
    {
        var candidates = await db.SubmissionBands.AsNoTracking()
            .Where(b => keys.Contains(b.Key) && b.SubmissionId != submissionId)
            .Join(db.SubmissionPrints, b => b.SubmissionId, p => p.SubmissionId, (b, p) => p)
            .Where(p => p.MemberId != memberId && p.At <= at)
            .Select(p => new { p.SubmissionId, p.Signature }).Distinct().Take(MaxCandidates).ToListAsync(ct);
        return candidates.Select(c => (c.SubmissionId, Similarity: MinHash.Similarity(signature, MinHash.FromBytes(c.Signature))))
            .OrderByDescending(c => c.Similarity).Cast<(Guid, double)?>().FirstOrDefault();
    }

    public static ModerationCase Case(Guid submissionId, Guid memberId, Guid activityId, string content, string original,
        (Guid SubmissionId, double Similarity) match, DateTimeOffset now) =>
        new ModerationCase(CaseSubject.Submission, submissionId, memberId, activityId, ConductCategory.Cheating, CaseSource.Filter,
            $"{content}\n\n↔ {original}", "plagiarism", false, now).Matching(match.SubmissionId, match.Similarity);
}

/// <summary>The scan's plagiarism pass over a whole activity (prints made for older submissions first).</summary>
public sealed class PlagiarismScan(HuodongDb db, IOptions<ConductOptions> options)
{
    private const int MaxSubmissions = 5000;

    public async Task<List<ModerationCase>> FindAsync(Guid activityId, DateTimeOffset now, CancellationToken ct)
    {
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.ActivityId == activityId && s.Status != SubmissionStatus.Removed && s.Status != SubmissionStatus.Rejected)
            .OrderBy(s => s.CreatedAt).Take(MaxSubmissions)
            .Select(s => new { s.Id, s.MemberId, s.CreatedAt, s.Content }).ToListAsync(ct);
        var ids = submissions.Select(s => s.Id).ToList();
        var printed = (await db.SubmissionPrints.AsNoTracking().Where(p => ids.Contains(p.SubmissionId))
            .Select(p => p.SubmissionId).ToListAsync(ct)).ToHashSet();
        foreach (var s in submissions.Where(s => !printed.Contains(s.Id)))
        {
            // Submissions stored before prints existed (or while detection was off) are fingerprinted now.
            if (MinHash.Signature(TextNormalizer.Fold(s.Content)) is not { } sig) continue;
            db.SubmissionPrints.Add(new SubmissionPrint(s.Id, activityId, s.MemberId, s.CreatedAt, MinHash.ToBytes(sig)));
            db.SubmissionBands.AddRange(MinHash.BandKeys(sig).Select(k => new SubmissionBand(k, s.Id)));
        }
        await db.SaveChangesAsync(ct);

        var own = await db.SubmissionBands.AsNoTracking().Where(b => ids.Contains(b.SubmissionId)).ToListAsync(ct);
        var keys = own.Select(b => b.Key).Distinct().ToList();
        var bands = await db.SubmissionBands.AsNoTracking().Where(b => keys.Contains(b.Key)).ToListAsync(ct);
        var ownBy = own.ToLookup(b => b.SubmissionId);
        var byKey = bands.GroupBy(b => b.Key).ToDictionary(g => g.Key, g => g.Select(b => b.SubmissionId).ToList());
        var printIds = bands.Select(b => b.SubmissionId).Distinct().ToList();
        var prints = (await db.SubmissionPrints.AsNoTracking().Where(p => printIds.Contains(p.SubmissionId)).ToListAsync(ct))
            .ToDictionary(p => p.SubmissionId, p => (p.MemberId, p.At, Signature: MinHash.FromBytes(p.Signature)));

        var threshold = options.Value.Cheating.PlagiarismSimilarity;
        var matches = new List<(Guid Id, Guid MemberId, string Content, Guid Original, double Similarity)>();
        foreach (var s in submissions)
        {
            if (!prints.TryGetValue(s.Id, out var mine)) continue;
            var best = ownBy[s.Id].SelectMany(b => byKey[b.Key]).Distinct()
                .Where(c => c != s.Id && prints[c].MemberId != s.MemberId && prints[c].At <= s.CreatedAt)
                .Select(c => (Id: c, Similarity: MinHash.Similarity(mine.Signature, prints[c].Signature)))
                .OrderByDescending(c => c.Similarity).FirstOrDefault();
            if (best.Id != Guid.Empty && best.Similarity >= threshold) matches.Add((s.Id, s.MemberId, s.Content, best.Id, best.Similarity));
        }
        var originalIds = matches.Select(m => m.Original).Distinct().ToList();
        var originals = await db.Submissions.AsNoTracking().Where(s => originalIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Content, ct);
        return matches.Select(m => PlagiarismCheck.Case(m.Id, m.MemberId, activityId, m.Content, originals[m.Original],
            (m.Original, m.Similarity), now)).ToList();
    }
}
