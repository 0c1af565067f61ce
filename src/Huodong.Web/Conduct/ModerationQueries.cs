using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Conduct;

/// <summary>
/// The moderation queue (E2.2): open and appealed cases, most severe first, then oldest; each with its evidence,
/// the reports, the member's history of decided cases and the action the guideline table suggests for it.
/// </summary>
public sealed class ModerationQueries(HuodongDb db, IOptions<ConductOptions> options)
{
    public async Task<Result<Page<CaseView>>> QueueAsync(Actor actor, CaseStatus? status, Guid? activityId, Paging paging, CancellationToken ct)
    {
        if (!ConductPermissions.CanModerate(actor)) return Error.Forbidden;
        var q = db.ModerationCases.AsNoTracking();
        q = status is { } s ? q.Where(c => c.Status == s) : q.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.Appealed);
        if (activityId is { } a) q = q.Where(c => c.ActivityId == a);
        var total = await q.CountAsync(ct);
        var cases = await q
            .OrderByDescending(ModerationCase.SeverityRule)
            .ThenBy(c => c.OpenedAt)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<CaseView>(await ViewsAsync(cases, ct), total);
    }

    public async Task<Result<CaseView>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var c = await db.ModerationCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !(ConductPermissions.CanModerate(actor) || c.MemberId == actor.UserId)) return ConductErrors.CaseNotFound;
        return (await ViewsAsync([c], ct)).Single();
    }

    /// <summary>Decisions about me (and what of mine waits for review), newest first, with whether I may still appeal.</summary>
    public async Task<List<MyCaseView>> MineAsync(Guid memberId, CancellationToken ct)
    {
        var cases = await db.ModerationCases.AsNoTracking()
            .Where(c => c.MemberId == memberId && (c.Decision != null || c.ContentHeld))
            .OrderByDescending(c => c.OpenedAt).Take(100).ToListAsync(ct);
        return cases.Select(c => new MyCaseView(c.Id, c.Subject, c.Category, c.Status, c.Decision, c.Note, c.Days, c.Points,
            c.DecidedAt, c.ContentHeld && c.Decision is null, c.AppealReason, c.AppealedAt, c.AppealUpheld, c.AppealNote,
            CanAppeal: c.Status == CaseStatus.Decided && c.AppealedAt is null, c.Evidence)).ToList();
    }

    private async Task<List<CaseView>> ViewsAsync(List<ModerationCase> cases, CancellationToken ct)
    {
        var ids = cases.Select(c => c.Id).ToList();
        var memberIds = cases.Select(c => c.MemberId).Distinct().ToList();
        var reports = await db.CaseReports.AsNoTracking().Where(r => ids.Contains(r.CaseId))
            .OrderBy(r => r.At).ToListAsync(ct);
        var history = await db.ModerationCases.AsNoTracking()
            .Where(c => memberIds.Contains(c.MemberId) && c.Decision != null && c.Decision != CaseDecision.Dismiss)
            .Select(c => new { c.Id, c.MemberId, c.Category, c.Decision, c.DecidedAt, c.AppealUpheld })
            .ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var table = options.Value.EffectiveGuidelines;
        return cases.Select(c =>
        {
            // Prior penalties that stood (an overturned one does not count against the member).
            var prior = history.Where(h => h.MemberId == c.MemberId && h.Id != c.Id && h.AppealUpheld != true)
                .OrderByDescending(h => h.DecidedAt)
                .Select(h => new HistoryItem(h.Id, h.Category, h.Decision!.Value, h.DecidedAt!.Value)).ToList();
            var suggestion = Guideline.Suggest(table, c.Category, prior.Count);
            return new CaseView(c.Id, c.Subject, c.SubjectId, c.MemberId, names.GetValueOrDefault(c.MemberId, ""), c.ActivityId,
                c.Category, c.Source, c.Rule, c.Status, c.Severity, c.ReporterCount, c.ContentHeld, c.Evidence,
                reports.Where(r => r.CaseId == c.Id).Select(r => new ReportItem(r.ReporterId, r.Reason, r.At)).ToList(),
                prior, new Suggestion(suggestion.Action, suggestion.Days, suggestion.Points), c.OpenedAt,
                c.Decision, c.Note, c.Days, c.Points, c.DecidedBy, c.DecidedAt, c.AppealReason, c.AppealedAt, c.AppealUpheld,
                c.MatchedId, c.Similarity);
        }).ToList();
    }
}

public sealed record CaseView(Guid Id, CaseSubject Subject, Guid SubjectId, Guid MemberId, string Member, Guid? ActivityId,
    ConductCategory Category, CaseSource Source, string Rule, CaseStatus Status, int Severity, int Reporters, bool ContentHeld,
    string Evidence, List<ReportItem> Reports, List<HistoryItem> History, Suggestion Suggested, DateTimeOffset OpenedAt,
    CaseDecision? Decision, string? Note, int? Days, int? Points, Guid? DecidedBy, DateTimeOffset? DecidedAt,
    string? AppealReason, DateTimeOffset? AppealedAt, bool? AppealUpheld, Guid? MatchedId = null, double? Similarity = null);

public sealed record ReportItem(Guid ReporterId, string Reason, DateTimeOffset At);
public sealed record HistoryItem(Guid CaseId, ConductCategory Category, CaseDecision Decision, DateTimeOffset At);
public sealed record Suggestion(CaseDecision Action, int? Days, int? Points);

public sealed record MyCaseView(Guid Id, CaseSubject Subject, ConductCategory Category, CaseStatus Status, CaseDecision? Decision,
    string? Note, int? Days, int? Points, DateTimeOffset? DecidedAt, bool AwaitingReview, string? AppealReason,
    DateTimeOffset? AppealedAt, bool? AppealUpheld, string? AppealNote, bool CanAppeal, string Evidence);
