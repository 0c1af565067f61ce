using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct;

/// <summary>
/// A member reports a comment, a submission or a member (M3, E2.2). Reports on the same subject merge into its one
/// open case, whose reporter count grows; a member's second report on the same case changes nothing.
/// </summary>
public sealed class ReportContent(HuodongDb db, TimeProvider time)
{
    public async Task<Result<ReportOutcome>> ExecuteAsync(Actor actor, string? targetType, Guid? targetId, string? reason,
        CancellationToken ct)
    {
        if (!actor.IsSignedIn) return Error.Forbidden;
        var errors = new Dictionary<string, string[]>();
        if (!EnumNames.TryParse<CaseSubject>(targetType, out var subject) || subject == CaseSubject.Nickname)
            errors["targetType"] = ["Choose comment, submission or member."];
        if (targetId is null || targetId == Guid.Empty) errors["targetId"] = ["Required."];
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) errors["reason"] = ["Required."];
        else if (why.Length > CaseReport.MaxReason) errors["reason"] = ["Must be at most 500 characters."];
        if (errors.Count > 0) return Error.Validation(errors);

        var target = await FindAsync(actor, subject, targetId!.Value, ct);
        if (target is null) return Error.NotFound(subject.ToString());
        if (target.MemberId == actor.Id) return ConductErrors.CannotReportSelf;

        // Reports racing: the unique open-case index lets one first report create the case, the key of CaseReports
        // keeps one report per member; the losers retry and merge. The count itself is one atomic increment.
        for (var attempt = 0; ; attempt++)
        {
            try { return await MergeAsync(actor, subject, targetId.Value, target, why!, ct); }
            catch (DbUpdateException) when (attempt < 3) { db.ChangeTracker.Clear(); }
        }
    }

    private async Task<ReportOutcome> MergeAsync(Actor actor, CaseSubject subject, Guid subjectId, Target target, string reason,
        CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.UtcNow();
        var caseId = await db.ModerationCases.Where(c => c.Subject == subject && c.SubjectId == subjectId && c.Status == CaseStatus.Open)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        var created = caseId is null;
        if (caseId is null)
        {
            var opened = new ModerationCase(subject, subjectId, target.MemberId, target.ActivityId, ConductCategory.Other,
                CaseSource.Report, target.Evidence, "report", false, now);
            db.ModerationCases.Add(opened);
            await db.SaveChangesAsync(ct);
            caseId = opened.Id;
        }
        else if (await db.CaseReports.AnyAsync(r => r.CaseId == caseId && r.ReporterId == actor.Id, ct))
            return new ReportOutcome(caseId.Value, await CountAsync(caseId.Value, ct), false, false);
        db.CaseReports.Add(new CaseReport(caseId.Value, actor.Id, reason, now));
        await db.SaveChangesAsync(ct);
        // Not through the entity: its concurrency token would make simultaneous reporters fail each other.
        await db.ModerationCases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReporterCount, c => c.ReporterCount + 1), ct);
        var count = await CountAsync(caseId.Value, ct);
        await tx.CommitAsync(ct);
        return new ReportOutcome(caseId.Value, count, created, true);
    }

    private Task<int> CountAsync(Guid caseId, CancellationToken ct) =>
        db.ModerationCases.Where(c => c.Id == caseId).Select(c => c.ReporterCount).FirstAsync(ct);

    private sealed record Target(Guid MemberId, Guid? ActivityId, string Evidence);

    private async Task<Target?> FindAsync(Actor actor, CaseSubject subject, Guid id, CancellationToken ct)
    {
        switch (subject)
        {
            case CaseSubject.Comment:
                var c = await db.Comments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.RemovedAt == null, ct);
                if (c is null || !await CanSeeActivityAsync(actor, c.ActivityId, ct)) return null;
                return new Target(c.AuthorId, c.ActivityId, c.Body);
            case CaseSubject.Submission:
                var s = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
                if (s is null || !await CanSeeActivityAsync(actor, s.ActivityId, ct)) return null;
                return new Target(s.MemberId, s.ActivityId, s.Content);
            default:
                var u = await db.Users.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.DisplayName }).FirstOrDefaultAsync(ct);
                return u is null ? null : new Target(u.Id, null, u.DisplayName);
        }
    }

    private async Task<bool> CanSeeActivityAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var a = await db.Activities.AsNoTracking().Include(x => x.Team).FirstOrDefaultAsync(x => x.Id == activityId, ct);
        return a is not null && PlanningPermissions.CanSee(actor, a);
    }
}

/// <summary>The case the report went to, its reporters so far, and whether this report opened it or added to it.</summary>
public sealed record ReportOutcome(Guid CaseId, int Reporters, bool Opened, bool Counted);
