using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct;

/// <summary>What a moderator decides: the decision and its measure (days of suspension, points deducted).</summary>
public sealed record DecisionRequest(string? Decision, string? Note, int? Days, int? Points);

/// <summary>
/// A moderator decides a case (M3.3 "penalised according to the severity"; E2.2 "handle violations promptly"):
/// dismiss (held content is released), remove the content, warn, deduct points, disqualify from the activity,
/// suspend for N days, or ban. On an appealed case the decision is uphold or overturn, by another moderator; an
/// overturn undoes the penalty. The decision, its penalty, the audit entry and the member's notification commit together.
/// </summary>
public sealed class DecideCase(HuodongDb db, Members members, AuditLog audit, TimeProvider time)
{
    /// <summary>A ban is a suspension without a practical end.</summary>
    public static readonly DateTimeOffset BanUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<Result<ModerationCase>> ExecuteAsync(Actor actor, Guid caseId, DecisionRequest request, CancellationToken ct)
    {
        if (!ConductPermissions.CanModerate(actor)) return Error.Forbidden;
        var note = request.Note?.Trim();
        if (note?.Length > ModerationCase.MaxNote) return Error.Field("note", "Must be at most 1,000 characters.");
        var existing = await db.ModerationCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (existing is null) return ConductErrors.CaseNotFound;
        try
        {
            return existing.Status == CaseStatus.Appealed
                ? await AppealAsync(actor, caseId, request.Decision, note, ct)
                : await DecideAsync(actor, caseId, request, note, ct);
        }
        catch (DbUpdateConcurrencyException) { return ConductErrors.CaseNotOpen; } // another moderator decided first
    }

    private async Task<Result<ModerationCase>> DecideAsync(Actor actor, Guid caseId, DecisionRequest request, string? note, CancellationToken ct)
    {
        if (!EnumNames.TryParse<CaseDecision>(request.Decision, out var decision))
            return Error.Field("decision", "Choose dismiss, removeContent, warn, deductPoints, disqualify, suspend or ban.");
        if (decision == CaseDecision.Suspend && request.Days is not (>= 1 and <= 365)) return Error.Field("days", "Must be between 1 and 365.");
        if (decision == CaseDecision.DeductPoints && request.Points is not (>= 1 and <= 100_000)) return Error.Field("points", "Must be between 1 and 100,000.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await db.ModerationCases.FirstAsync(x => x.Id == caseId, ct);
        var now = time.UtcNow();
        var decided = c.Decide(decision, actor.Id, note, decision == CaseDecision.Suspend ? request.Days : null,
            decision == CaseDecision.DeductPoints ? request.Points : null, now);
        if (!decided.IsOk) return decided.Error!;
        var reason = Truncate(note ?? $"Conduct case: {c.Category}");

        NotificationKind? kind = null;
        var args = new List<string> { note ?? "" };
        switch (decision)
        {
            case CaseDecision.Dismiss:
                if (c.ContentHeld && await ReleaseAsync(c, ct)) kind = NotificationKind.ContentApproved;
                break;
            case CaseDecision.RemoveContent:
                if (c.Subject is CaseSubject.Member or CaseSubject.Registration) return ConductErrors.NoContentToRemove;
                await RemoveAsync(c, restore: false, ct);
                kind = NotificationKind.ContentRemoved;
                break;
            case CaseDecision.Warn:
                kind = NotificationKind.ConductWarned;
                break;
            case CaseDecision.DeductPoints:
                if ((await members.AdjustPointsAsync(actor, c.MemberId, -request.Points!.Value, reason, ct)).Error is { } pe) return pe;
                kind = NotificationKind.PointsDeducted;
                args.Add(request.Points.Value.ToString());
                break;
            case CaseDecision.Disqualify:
                if (c.ActivityId is not { } activityId) return ConductErrors.NoActivity;
                var registration = await db.Registrations.FirstOrDefaultAsync(r => r.ActivityId == activityId && r.MemberId == c.MemberId
                    && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted), ct);
                if (registration is null) return ConductErrors.NotRegistered;
                await Disqualification.DisqualifyAsync(db, registration, now, ct);
                kind = NotificationKind.Disqualified;
                break;
            case CaseDecision.Suspend:
                if ((await members.SuspendAsync(actor, c.MemberId, now.AddDays(request.Days!.Value), reason, ct)).Error is { } se) return se;
                kind = NotificationKind.Suspended;
                args.Add(request.Days.Value.ToString());
                break;
            case CaseDecision.Ban:
                if ((await members.SuspendAsync(actor, c.MemberId, BanUntil, reason, ct)).Error is { } be) return be;
                kind = NotificationKind.Banned;
                break;
        }
        await audit.AppendAsync(actor.Id, $"conduct.case.{Code(decision)}", "case", c.Id.ToString(),
            new { member = c.MemberId, c.Category, days = c.Days, points = c.Points, note }, ct);
        if (kind is { } k) await NotifyAsync(c, k, args.ToArray(), now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c;
    }

    private async Task<Result<ModerationCase>> AppealAsync(Actor actor, Guid caseId, string? decision, string? note, CancellationToken ct)
    {
        var d = decision?.Trim().ToLowerInvariant();
        if (d is not ("uphold" or "overturn")) return Error.Field("decision", "The case is under appeal: choose uphold or overturn.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await db.ModerationCases.FirstAsync(x => x.Id == caseId, ct);
        var now = time.UtcNow();
        var overturn = d == "overturn";
        var decided = c.DecideAppeal(overturn, actor.Id, note, now);
        if (!decided.IsOk) return decided.Error!;
        if (overturn)
        {
            var reason = Truncate(note ?? "Appeal accepted");
            switch (c.Decision)
            {
                case CaseDecision.RemoveContent:
                    await RemoveAsync(c, restore: true, ct);
                    break;
                case CaseDecision.DeductPoints:
                    if ((await members.AdjustPointsAsync(actor, c.MemberId, c.Points!.Value, reason, ct)).Error is { } pe) return pe;
                    break;
                case CaseDecision.Disqualify:
                    var registration = await db.Registrations.FirstOrDefaultAsync(r => r.ActivityId == c.ActivityId && r.MemberId == c.MemberId
                        && r.Status == RegistrationStatus.Disqualified, ct);
                    if (registration is not null) await Disqualification.ReinstateAsync(db, registration, now, ct);
                    break;
                case CaseDecision.Suspend or CaseDecision.Ban:
                    if ((await members.SuspendAsync(actor, c.MemberId, null, reason, ct)).Error is { } se) return se;
                    break;
            }
        }
        await audit.AppendAsync(actor.Id, overturn ? "conduct.appeal.overturned" : "conduct.appeal.upheld", "case", c.Id.ToString(),
            new { member = c.MemberId, decision = c.Decision, note }, ct);
        await NotifyAsync(c, overturn ? NotificationKind.AppealUpheld : NotificationKind.AppealRejected, [note ?? ""], now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return c;
    }

    /// <summary>Approves held content: the comment or submission becomes visible, a held nickname takes effect.</summary>
    private async Task<bool> ReleaseAsync(ModerationCase c, CancellationToken ct)
    {
        switch (c.Subject)
        {
            case CaseSubject.Comment:
                var comment = await db.Comments.FirstOrDefaultAsync(x => x.Id == c.SubjectId, ct);
                comment?.Release();
                return comment is not null;
            case CaseSubject.Submission:
                var submission = await db.Submissions.FirstOrDefaultAsync(x => x.Id == c.SubjectId, ct);
                submission?.Release();
                return submission is not null;
            case CaseSubject.Nickname:
                var user = await db.Users.FirstOrDefaultAsync(u => u.Id == c.SubjectId, ct);
                if (user is not null) user.DisplayName = c.Evidence;
                return user is not null;
            default:
                return false;
        }
    }

    private async Task RemoveAsync(ModerationCase c, bool restore, CancellationToken ct)
    {
        var now = time.UtcNow();
        if (c.Subject == CaseSubject.Comment && await db.Comments.FirstOrDefaultAsync(x => x.Id == c.SubjectId, ct) is { } comment)
        {
            if (restore) comment.Restore(); else comment.Remove(now);
        }
        else if (c.Subject == CaseSubject.Submission && await db.Submissions.FirstOrDefaultAsync(x => x.Id == c.SubjectId, ct) is { } s)
        {
            if (restore) s.Restore(); else s.Remove();
        }
        // A held nickname that is removed simply never takes effect.
    }

    private async Task NotifyAsync(ModerationCase c, NotificationKind kind, string[] args, DateTimeOffset at, CancellationToken ct)
    {
        var title = c.ActivityId is { } id
            ? await db.Activities.Where(a => a.Id == id).Select(a => a.Title).FirstOrDefaultAsync(ct) ?? "Huodong"
            : "Huodong";
        Notifier.Notify(db, c.MemberId, kind, c.ActivityId, title, at, args);
    }

    private static string Code(CaseDecision d) => d switch
    {
        CaseDecision.Dismiss => "dismissed",
        CaseDecision.RemoveContent => "content-removed",
        CaseDecision.Warn => "warned",
        CaseDecision.DeductPoints => "points-deducted",
        CaseDecision.Disqualify => "disqualified",
        CaseDecision.Suspend => "suspended",
        _ => "banned",
    };

    private static string Truncate(string s) => s.Length > 200 ? s[..200] : s;

}
