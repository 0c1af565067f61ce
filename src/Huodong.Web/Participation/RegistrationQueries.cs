using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>Registration lists for staff (masked, S1.3) and a member's own registration.</summary>
public sealed class RegistrationQueries(HuodongDb db, FieldProtector protector, ActivityQueries activities)
{
    public static bool CanList(Actor actor, Activity a) =>
        actor.IsSignedIn && (a.IsOnTeam(actor.Id) || actor.Is(Roles.Moderator));

    public async Task<Result<Page<RegistrationRow>>> ListAsync(Actor actor, Guid activityId, RegistrationStatus? status,
        Paging paging, CancellationToken ct)
    {
        var found = await activities.GetAsync(actor, activityId, ct);
        if (!found.IsOk) return found.Error!;
        if (!CanList(actor, found.Value!)) return Error.Forbidden;
        var q = db.Registrations.AsNoTracking().Where(r => r.ActivityId == activityId);
        if (status is { } s) q = q.Where(r => r.Status == s);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(r => r.Number).Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Users, r => r.MemberId, u => u.Id, (r, u) => new { r, u.DisplayName, u.Level })
            .ToListAsync(ct);
        return new Page<RegistrationRow>(rows.Select(x => Mask(x.r, x.DisplayName, x.Level)).ToList(), total);
    }

    /// <summary>Every registration of the activity, masked, read in batches so memory stays flat however many there are.</summary>
    public async IAsyncEnumerable<RegistrationRow> StreamAsync(Guid activityId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, bool clear = false)
    {
        const int batch = 1000;
        long after = 0;
        while (true)
        {
            var rows = await db.Registrations.AsNoTracking().Where(r => r.ActivityId == activityId && r.Number > after)
                .OrderBy(r => r.Number).Take(batch)
                .Join(db.Users, r => r.MemberId, u => u.Id, (r, u) => new { r, u.DisplayName, u.Level })
                .ToListAsync(ct);
            foreach (var x in rows) yield return clear ? Clear(x.r, x.DisplayName, x.Level) : Mask(x.r, x.DisplayName, x.Level);
            if (rows.Count < batch) yield break;
            after = rows[^1].r.Number;
        }
    }

    public Task<Registration?> MineAsync(Guid memberId, Guid activityId, CancellationToken ct) =>
        db.Registrations.AsNoTracking()
            .Where(r => r.ActivityId == activityId && r.MemberId == memberId && r.Status != RegistrationStatus.Cancelled)
            .FirstOrDefaultAsync(ct);

    /// <summary>Where a waitlisted registration stands: 1 = next to be promoted.</summary>
    public Task<int> WaitlistPositionAsync(Registration r, CancellationToken ct) =>
        db.Registrations.CountAsync(x => x.ActivityId == r.ActivityId && x.Status == RegistrationStatus.Waitlisted
            && x.Number <= r.Number, ct);

    /// <summary>Unmasked: only for an export with a stated, audited reason (Security/PersonalDataReveal).</summary>
    private RegistrationRow Clear(Registration r, string nickname, int level) => new(
        r.Id, r.Code, r.Number, r.Status, r.MemberId, nickname, level,
        protector.Decrypt(r.Contact.RealName, RegisterMember.NamePurpose),
        protector.Decrypt(r.Contact.Phone, RegisterMember.PhonePurpose),
        r.Contact.Email is { } e ? protector.Decrypt(e, RegisterMember.EmailPurpose) : null,
        r.CreatedAt);

    private RegistrationRow Mask(Registration r, string nickname, int level) => new(
        r.Id, r.Code, r.Number, r.Status, r.MemberId, nickname, level,
        PersonalData.MaskName(protector.Decrypt(r.Contact.RealName, RegisterMember.NamePurpose)),
        PersonalData.MaskPhone(protector.Decrypt(r.Contact.Phone, RegisterMember.PhonePurpose)),
        r.Contact.Email is { } e ? PersonalData.MaskEmail(protector.Decrypt(e, RegisterMember.EmailPurpose)) : null,
        r.CreatedAt);
}

public sealed record RegistrationRow(Guid Id, string Code, long Number, RegistrationStatus Status, Guid MemberId,
    string Nickname, int Level, string RealName, string Phone, string? Email, DateTimeOffset CreatedAt);
