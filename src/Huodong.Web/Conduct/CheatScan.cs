using Huodong.Web.Audit;
using Huodong.Web.Conduct.Cheating;
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
/// suspect — accounts registered with the same phone number or email (by blind index, never the value), bursts,
/// crowded networks and shared devices (<see cref="RegistrationWatch"/>), contact details that contradict the
/// member's profile or history or belong to another member (<see cref="ContactCheck"/>), a submission that copies an
/// earlier one by another member here or in an earlier activity (<see cref="PlagiarismScan"/>), a nickname posing as
/// staff or as the organisers. Registration and submission run the cheap detectors as they happen; the scan covers
/// everything again. A subject with an open case already is left alone. The moderator decides; nothing is penalised
/// automatically.
/// </summary>
public sealed class CheatScan(HuodongDb db, AuditLog audit, TimeProvider time, RegistrationWatch watch, ContactCheck contacts,
    PlagiarismScan plagiarism)
{
    private static readonly string[] StaffWords = ["官方", "管理员", "客服", "工作人员", "主办方", "official", "admin", "moderator"];

    public async Task<Result<ScanOutcome>> ExecuteAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        if (!ConductPermissions.CanModerate(actor)) return Error.Forbidden;
        if (!await db.Activities.AnyAsync(a => a.Id == activityId, ct)) return ActivityErrors.NotFound;
        var now = time.UtcNow();
        var found = new List<ModerationCase>();

        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.ActivityId == activityId && r.Status != RegistrationStatus.Cancelled)
            .Select(r => new { r.MemberId, r.Number, r.Contact.PhoneIndex, r.Contact.EmailIndex }).ToListAsync(ct);
        // Duplicate accounts: another member registered here with the same phone or email (blind indexes only),
        // looked up by index rather than by comparing every registration with every other.
        // Erased registrations (member erasure, retention) share one marker instead of a phone: not duplicates.
        var byPhone = registrations.Select((r, i) => (r, i))
            .Where(x => x.r.PhoneIndex != Security.Monitoring.RegistrationRetention.ErasedMarker).ToLookup(x => x.r.PhoneIndex);
        var byEmail = registrations.Select((r, i) => (r, i)).Where(x => x.r.EmailIndex != null).ToLookup(x => x.r.EmailIndex);
        foreach (var r in registrations)
        {
            var others = byPhone[r.PhoneIndex].Concat(r.EmailIndex is null ? [] : byEmail[r.EmailIndex])
                .Where(o => o.r.MemberId != r.MemberId).DistinctBy(o => o.i).OrderBy(o => o.i).Select(o => o.r).ToList();
            if (others.Count == 0) continue;
            found.Add(new ModerationCase(CaseSubject.Member, r.MemberId, r.MemberId, activityId, ConductCategory.Cheating,
                CaseSource.Filter, $"{Registration.CodeFor(r.Number)} ↔ {string.Join(", ", others.Select(o => Registration.CodeFor(o.Number)))}",
                "duplicate-account", false, now)); // entrant codes: no language, no personal data
        }
        found.AddRange(await watch.FindAsync(activityId, now, ct));
        found.AddRange(await contacts.FindAsync(activityId, now, ct));
        found.AddRange(await plagiarism.FindAsync(activityId, now, ct));

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
        var fresh = await Detections.OpenAsync(db, found, ct);
        int Count(params string[] rules) => fresh.Count(c => rules.Contains(c.Rule));
        var outcome = new ScanOutcome(fresh.Count, Count("duplicate-account"), Count("plagiarism"),
            Count("impersonation", "verified-contact", "other-member-contact", "name-changed"), Count("burst"),
            Count("shared-device", "network-cluster"));
        await audit.AppendAsync(actor.Id, "conduct.scan.run", "activity", activityId.ToString(), outcome, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcome;
    }
}

/// <summary>Cases opened by a scan, in all and per detector (impersonation counts staff nicknames and contact details).</summary>
public sealed record ScanOutcome(int Opened, int DuplicateAccounts, int Plagiarism, int Impersonation, int Bursts, int SharedDevices);
