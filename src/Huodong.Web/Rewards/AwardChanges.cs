using System.Text.Json;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

public sealed record AddressInput(string? Recipient, string? Phone, string? Address);
public sealed record VoidInput(string? Reason);

/// <summary>A shipping address as the winner gave it; stored only encrypted (S2.2).</summary>
public sealed record ShippingAddress(string Recipient, string Phone, string Address)
{
    /// <summary>Masked by default (张*丰, 139****5678, the first six characters of the address).</summary>
    public string Masked() =>
        $"{PersonalData.MaskName(Recipient)} {PersonalData.MaskPhone(Phone)} {(Address.Length <= 6 ? Address : Address[..6])}****";
}

/// <summary>
/// The winner's side of an award (E3.2 "reaches the right winner"): give the shipping address of a physical prize and
/// confirm receipt — only the winner, confirmation only once — and the team's void of an undelivered award. Each
/// change is audited; two at once race on <see cref="Award.Revision"/>.
/// </summary>
public sealed class AwardChanges(HuodongDb db, AuditLog audit, FieldProtector protector, TimeProvider time)
{
    public static string AddressPurpose(Guid awardId) => $"award.address:{awardId:N}";

    public Task<Result<Award>> SetAddressAsync(Actor actor, Guid awardId, AddressInput input, CancellationToken ct) =>
        ChangeAsync(actor, awardId, "award.address.set", async award =>
        {
            if (award.MemberId != actor.UserId) return AwardErrors.NotFound; // someone else's address form does not exist for them
            var recipient = input.Recipient?.Trim();
            var phone = PersonalData.NormalisePhone(input.Phone);
            var address = input.Address?.Trim();
            if (string.IsNullOrEmpty(recipient) || recipient.Length > 50 || phone is null || phone.Length > 20
                || string.IsNullOrEmpty(address) || address.Length > 300 || (recipient + address).Contains('\0'))
                return AwardErrors.AddressInvalid;
            var sealedAddress = protector.Encrypt(JsonSerializer.Serialize(new ShippingAddress(recipient, phone, address)), AddressPurpose(award.Id));
            var changed = award.SetAddress(actor.Id, sealedAddress);
            return await Task.FromResult(changed.IsOk ? Result.Ok : changed.Error!);
        }, ct);

    public Task<Result<Award>> ConfirmAsync(Actor actor, Guid awardId, CancellationToken ct) =>
        ChangeAsync(actor, awardId, "award.confirmed", award =>
            Task.FromResult(award.MemberId != actor.UserId ? Error.Forbidden : award.Confirm(actor.Id, time.UtcNow())), ct,
            conflict: AwardErrors.AlreadyConfirmed);

    public Task<Result<Award>> VoidAsync(Actor actor, Guid awardId, VoidInput input, CancellationToken ct) =>
        ChangeAsync(actor, awardId, "award.voided", async award =>
        {
            var activity = await AwardAccess.ActivityAsync(db, award.ActivityId, ct);
            if (AwardAccess.CheckTeam(actor, activity) is { } refused) return refused;
            return award.Void(input.Reason, time.UtcNow());
        }, ct);

    public ShippingAddress? AddressOf(Award award) => award.ShippingAddress is null ? null
        : JsonSerializer.Deserialize<ShippingAddress>(protector.Decrypt(award.ShippingAddress, AddressPurpose(award.Id)));

    private async Task<Result<Award>> ChangeAsync(Actor actor, Guid awardId, string code, Func<Award, Task<Result>> change, CancellationToken ct,
        Error? conflict = null)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var award = await db.Set<Award>().FirstOrDefaultAsync(a => a.Id == awardId, ct);
        if (award is null) return AwardErrors.NotFound;
        var changed = await change(award);
        if (!changed.IsOk) return changed.Error!;
        // The address itself is never written to the audit chain: only that it was given.
        await AwardLog.AppendAsync(audit, actor.Id, code, award, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return conflict ?? AwardErrors.ConcurrentChange;
        }
        return award;
    }
}
