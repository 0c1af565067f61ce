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

        // Two first reports racing: the unique open-case index lets one insert win; the other merges on retry.
        for (var attempt = 0; ; attempt++)
        {
            try { return await MergeAsync(actor, subject, targetId.Value, target, why!, ct); }
            catch (DbUpdateException) when (attempt == 0) { db.ChangeTracker.Clear(); }
        }
    }

    private async Task<ReportOutcome> MergeAsync(Actor actor, CaseSubject subject, Guid subjectId, Target target, string reason,
        CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.UtcNow();
        var open = await db.ModerationCases.FirstOrDefaultAsync(c => c.Subject == subject && c.SubjectId == subjectId
            && c.Status == CaseStatus.Open, ct);
        var created = open is null;
        if (open is null)
        {
            open = new ModerationCase(subject, subjectId, target.MemberId, target.ActivityId, ConductCategory.Other,
                CaseSource.Report, target.Evidence, "report", false, now);
            db.ModerationCases.Add(open);
        }
        else if (await db.CaseReports.AnyAsync(r => r.CaseId == open.Id && r.ReporterId == actor.Id, ct))
            return new ReportOutcome(open.Id, open.ReporterCount, false, false);
        db.CaseReports.Add(new CaseReport(open.Id, actor.Id, reason, now));
        open.Reported();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ReportOutcome(open.Id, open.ReporterCount, created, true);
    }

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
