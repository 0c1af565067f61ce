using Huodong.Web.Audit;
using Huodong.Web.Conduct.Filter;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct;

/// <summary>
/// M3.3 "no cheating, plagiarism or impersonation": a moderator scans an activity and a case opens for each
/// suspect — accounts registered with the same phone number (by its blind index, never the number), a submission
/// that copies an earlier one by another member, a nickname posing as staff or as the organisers. A subject with
/// an open case already is left alone. The moderator decides; nothing is penalised automatically.
/// </summary>
public sealed class CheatScan(HuodongDb db, AuditLog audit, TimeProvider time)
{
    private const int MaxSubmissions = 5000;
    private static readonly string[] StaffWords = ["官方", "管理员", "客服", "工作人员", "主办方", "official", "admin", "moderator"];

    public async Task<Result<ScanOutcome>> ExecuteAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        if (!ConductPermissions.CanModerate(actor)) return Error.Forbidden;
        if (!await db.Activities.AnyAsync(a => a.Id == activityId, ct)) return ActivityErrors.NotFound;
        var now = time.UtcNow();
        var found = new List<ModerationCase>();

        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.ActivityId == activityId && r.Status != RegistrationStatus.Cancelled)
            .Select(r => new { r.MemberId, r.Number, r.Contact.PhoneIndex }).ToListAsync(ct);
        foreach (var group in registrations.GroupBy(r => r.PhoneIndex).Where(g => g.Count() > 1))
            foreach (var r in group)
            {
                var others = string.Join(", ", group.Where(o => o.MemberId != r.MemberId).Select(o => $"R{o.Number:000000}"));
                found.Add(new ModerationCase(CaseSubject.Member, r.MemberId, r.MemberId, activityId, ConductCategory.Cheating,
                    CaseSource.Filter, $"R{r.Number:000000} ↔ {others}", "duplicate-account", false, now)); // entrant codes: no language, no personal data
            }

        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.ActivityId == activityId && s.Status != SubmissionStatus.Removed && s.Status != SubmissionStatus.Rejected)
            .OrderBy(s => s.CreatedAt).Take(MaxSubmissions)
            .Select(s => new { s.Id, s.MemberId, s.Content }).ToListAsync(ct);
        var prints = submissions.Select(s =>
        {
            var n = TextNormalizer.Fold(s.Content);
            return (s.Id, s.MemberId, s.Content, Length: n.Length, Exact: Fingerprint.Exact(n), Sim: Fingerprint.SimHash(n));
        }).ToList();
        for (var i = 0; i < prints.Count; i++)
        {
            var later = prints[i];
            if (later.Length < 16) continue; // short replies ("打卡") are alike by design
            var original = prints.Take(i).FirstOrDefault(e => e.MemberId != later.MemberId
                && Fingerprint.Similar(e.Exact, e.Sim, later.Exact, later.Sim, Math.Min(e.Length, later.Length)));
            if (original.Id == Guid.Empty) continue;
            found.Add(new ModerationCase(CaseSubject.Submission, later.Id, later.MemberId, activityId, ConductCategory.Cheating,
                CaseSource.Filter, $"{later.Content}\n\n↔ {original.Content}", "plagiarism", false, now));
        }

        var memberIds = registrations.Select(r => r.MemberId).Distinct().ToList();
        var nicknames = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var staffNames = (await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name != Roles.Member)))
            .Select(u => u.DisplayName).ToListAsync(ct)).Select(TextNormalizer.Fold).Where(n => n.Length > 0).ToHashSet();
        var words = StaffWords.Select(TextNormalizer.Fold).ToArray();
        foreach (var u in nicknames)
        {
            var n = TextNormalizer.Fold(u.DisplayName);
            if (staffNames.Contains(n) || words.Any(n.Contains))
                found.Add(new ModerationCase(CaseSubject.Nickname, u.Id, u.Id, activityId, ConductCategory.Cheating,
                    CaseSource.Filter, u.DisplayName, "impersonation", false, now));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var open = await db.ModerationCases.Where(c => c.Status == CaseStatus.Open).Select(c => new { c.Subject, c.SubjectId }).ToListAsync(ct);
        var fresh = found.Where(c => !open.Any(o => o.Subject == c.Subject && o.SubjectId == c.SubjectId))
            .DistinctBy(c => (c.Subject, c.SubjectId)).ToList();
        db.ModerationCases.AddRange(fresh);
        var outcome = new ScanOutcome(fresh.Count, fresh.Count(c => c.Rule == "duplicate-account"),
            fresh.Count(c => c.Rule == "plagiarism"), fresh.Count(c => c.Rule == "impersonation"));
        await audit.AppendAsync(actor.Id, "conduct.scan.run", "activity", activityId.ToString(), outcome, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcome;
    }
}

public sealed record ScanOutcome(int Opened, int DuplicateAccounts, int Plagiarism, int Impersonation);
