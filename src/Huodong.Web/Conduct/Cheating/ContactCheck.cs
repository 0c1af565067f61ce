using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct.Cheating;

/// <summary>
/// M2.2 and M3.3 impersonation by contact details, for one activity's registrations:
/// <list type="bullet">
/// <item><c>verified-contact</c>: the phone differs from the member's verified profile phone;</item>
/// <item><c>other-member-contact</c>: the phone or email is another member's verified profile phone or account email;</item>
/// <item><c>name-changed</c>: the real name matches none of the member's own earlier registrations (the profile has
/// no verified real name, so the member's history is the reference).</item>
/// </list>
/// Values are decrypted in memory only to compare them; the evidence shows them masked, as staff see them elsewhere.
/// </summary>
public sealed class ContactCheck(HuodongDb db, FieldProtector protector)
{
    public async Task<List<ModerationCase>> FindAsync(Guid activityId, DateTimeOffset now, CancellationToken ct)
    {
        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.ActivityId == activityId && r.Status != RegistrationStatus.Cancelled).ToListAsync(ct);
        var memberIds = registrations.Select(r => r.MemberId).Distinct().ToList();
        // The phone is sealed: it is read as it is (the converter decrypts it) and chosen in memory, never in SQL.
        var profiles = (await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id))
                .Select(u => new { u.Id, u.PhoneNumberConfirmed, u.PhoneNumber }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => u.PhoneNumberConfirmed ? u.PhoneNumber : null);
        // Verified phones of every account: few members verify one (the profile's phone is sealed, so decrypted here).
        var verifiedPhones = (await db.Users.AsNoTracking().Where(u => u.PhoneNumberConfirmed && u.PhoneNumber != null)
                .Select(u => new { u.Id, u.PhoneNumber }).ToListAsync(ct))
            .Select(u => (u.Id, Phone: PersonalData.NormalisePhone(u.PhoneNumber))).Where(u => u.Phone is not null).ToList();
        var earlier = await db.Registrations.AsNoTracking()
            .Where(r => memberIds.Contains(r.MemberId) && r.ActivityId != activityId && r.Status != RegistrationStatus.Cancelled
                && r.Contact.PhoneIndex != Security.Monitoring.RegistrationRetention.ErasedMarker) // erased names say nothing
            .Select(r => new { r.MemberId, r.Contact.RealName, r.CreatedAt }).ToListAsync(ct);

        var emails = registrations.Where(r => r.Contact.Email is not null)
            .ToDictionary(r => r.Id, r => protector.Decrypt(r.Contact.Email!, RegisterMember.EmailPurpose));
        // Account emails are sealed; NormalizedEmail holds their lookup key (a keyed hash), compared here.
        var emailKeys = emails.Values.Distinct().ToDictionary(e => e, e => db.AccountKey(e));
        var normalizedEmails = emailKeys.Values.Distinct().ToList();
        var emailOwners = (await db.Users.AsNoTracking().Where(u => u.EmailConfirmed && normalizedEmails.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct)).ToLookup(u => u.NormalizedEmail!, u => u.Id);

        var found = new List<ModerationCase>();
        foreach (var r in registrations)
        {
            var phone = protector.Decrypt(r.Contact.Phone, RegisterMember.PhonePurpose);
            var code = r.Code;
            if (profiles.GetValueOrDefault(r.MemberId) is { } own && PersonalData.NormalisePhone(own) is { } verified && verified != phone)
                found.Add(Case(r, "verified-contact", $"{code}: {PersonalData.MaskPhone(phone)} ≠ {PersonalData.MaskPhone(verified)}", now));
            else if (verifiedPhones.Any(u => u.Id != r.MemberId && u.Phone == phone))
                found.Add(Case(r, "other-member-contact", $"{code}: {PersonalData.MaskPhone(phone)}", now));
            else if (emails.TryGetValue(r.Id, out var email) && emailOwners[emailKeys[email]].Any(id => id != r.MemberId))
                found.Add(Case(r, "other-member-contact", $"{code}: {PersonalData.MaskEmail(email)}", now));
            else
            {
                var names = earlier.Where(e => e.MemberId == r.MemberId && e.CreatedAt < r.CreatedAt)
                    .Select(e => protector.Decrypt(e.RealName, RegisterMember.NamePurpose)).Distinct().ToList();
                var name = protector.Decrypt(r.Contact.RealName, RegisterMember.NamePurpose);
                if (names.Count > 0 && !names.Any(n => SameName(n, name)))
                    found.Add(Case(r, "name-changed", $"{code}: {PersonalData.MaskName(name)} ≠ {string.Join(", ", names.Select(PersonalData.MaskName))}", now));
            }
        }
        return found;
    }

    private static bool SameName(string a, string b) =>
        string.Equals(Filter.TextNormalizer.Fold(a), Filter.TextNormalizer.Fold(b), StringComparison.Ordinal);

    private static ModerationCase Case(Registration r, string rule, string evidence, DateTimeOffset now) =>
        new(CaseSubject.Registration, r.Id, r.MemberId, r.ActivityId, ConductCategory.Cheating, CaseSource.Filter, evidence, rule, false, now);
}
