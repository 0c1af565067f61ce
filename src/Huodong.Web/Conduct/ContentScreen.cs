using Huodong.Web.Conduct.Filter;
using Huodong.Web.Data;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Conduct;

/// <summary>The outcome of screening a member's text: nothing, or the strongest rule it hit.</summary>
public sealed record Screening(ConductAction? Action, ConductCategory Category, string Rule, long Exact, long SimHash)
{
    public bool Blocked => Action == ConductAction.Block;
    public bool Held => Action == ConductAction.Hold;
    public Error Refusal => ConductErrors.Blocked(Category);
}

/// <summary>
/// What comments, submissions and nicknames go through before they are stored (M3.2): the content filter, then
/// flood detection against the member's recent posts in the database. Flags and holds open a case in the caller's
/// unit of work, so the content and its case are saved together.
/// </summary>
public sealed class ContentScreen(HuodongDb db, LexiconCache cache, IOptions<ConductOptions> options, TimeProvider time)
{
    public async Task<Screening> CheckAsync(Guid memberId, string text, bool isPost, CancellationToken ct)
    {
        var filter = await cache.FilterAsync(db, ct);
        var verdict = filter.Check(text);
        var hit = verdict.Strongest;
        var normalized = TextNormalizer.Fold(text);
        var exact = Fingerprint.Exact(normalized);
        var sim = Fingerprint.SimHash(normalized);
        var result = new Screening(hit?.Action, hit?.Category ?? ConductCategory.Other, hit?.Rule ?? "", exact, sim);
        if (!isPost || result.Blocked) return result;

        var flood = options.Value.Flood;
        if (!flood.Enabled) return result;
        var now = time.GetUtcNow();
        var since = now.AddMinutes(-Math.Max(1, flood.RepeatWindowMinutes));
        var recent = await db.PostFingerprints.AsNoTracking()
            .Where(f => f.MemberId == memberId && f.At > since)
            .OrderByDescending(f => f.At).Take(200)
            .Select(f => new { f.At, f.Exact, f.SimHash }).ToListAsync(ct);
        Screening Stronger(ConductAction action, string rule) =>
            result.Action is { } a && a >= action ? result : result with { Action = action, Category = ConductCategory.Flooding, Rule = rule };
        if (recent.Count(f => f.At > now.AddMinutes(-1)) >= flood.PostsPerMinute)
            result = Stronger(flood.RateAction, "flood-rate");
        if (recent.Count(f => Fingerprint.Similar(exact, sim, f.Exact, f.SimHash, normalized.Length)) >= flood.Repeats - 1)
            result = Stronger(flood.RepeatAction, "flood-repeat");
        return result;
    }

    /// <summary>
    /// Records a stored post for flood detection and opens a case when the screening flagged or held it, in the
    /// caller's unit of work.
    /// </summary>
    public async Task RecordAsync(Screening s, Guid memberId, CaseSubject subject, Guid subjectId, Guid? activityId, string text,
        CancellationToken ct)
    {
        var now = time.UtcNow();
        if (subject is CaseSubject.Comment or CaseSubject.Submission)
            db.PostFingerprints.Add(new PostFingerprint(memberId, s.Exact, s.SimHash, now));
        if (s.Action is not (ConductAction.Flag or ConductAction.Hold)) return;
        // A member's nickname has one open case at a time: a newer held nickname replaces the one waiting.
        var open = subject == CaseSubject.Nickname
            ? await db.ModerationCases.FirstOrDefaultAsync(c => c.Subject == subject && c.SubjectId == subjectId && c.Status == CaseStatus.Open, ct)
            : null;
        if (open is not null) open.Resubmit(text, s.Category, s.Rule, s.Held);
        else db.ModerationCases.Add(new ModerationCase(subject, subjectId, memberId, activityId, s.Category, CaseSource.Filter,
            text, s.Rule, s.Held, now));
    }
}
