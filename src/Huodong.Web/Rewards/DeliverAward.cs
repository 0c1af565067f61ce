using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

public sealed record DeliverInput(string? TrackingNumber, string? Note);

/// <summary>
/// E3.2: the team delivers an award by its kind, in one transaction with its audit entry and the winner's notice.
/// <list type="bullet">
/// <item>Points: credited at once — one atomic UPDATE of the balance and a ledger line beside it, so they always agree.</item>
/// <item>Coupon: a code of the imported pool is claimed by a conditional UPDATE (…AND AwardId IS NULL); a lost race
///   tries the next free code, so concurrent deliveries never share a code.</item>
/// <item>Physical: needs the winner's shipping address and a tracking number. Virtual: an optional note.</item>
/// </list>
/// A winner who is no longer Confirmed (cancelled, disqualified) is refused: their award can only be voided.
/// Two deliveries of one award race on its <see cref="Award.Revision"/>: one wins, the other gets 409.
/// </summary>
public sealed class DeliverAward(HuodongDb db, AuditLog audit, TimeProvider time)
{
    public static readonly Error WinnerNotEligible = new(ErrorKind.BusinessRule, "winner-not-eligible",
        "The winner's registration is no longer confirmed (cancelled or disqualified); void the award instead.");

    public async Task<Result<Award>> ExecuteAsync(Actor actor, Guid awardId, DeliverInput input, CancellationToken ct)
    {
        if (input.TrackingNumber is { Length: > Award.MaxTracking } || input.Note is { Length: > Award.MaxNote })
            return Error.Validation(new Dictionary<string, string[]> { ["trackingNumber"] = ["The tracking number or the note is too long."] });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            return await DeliverAsync(actor, awardId, input, tx, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            // Only reachable if the lock below were bypassed: the unique index on CouponCodes.AwardId refused a second
            // code for one award. The transaction rolls back; nothing was given.
            return AwardErrors.ConcurrentChange;
        }
    }

    private async Task<Result<Award>> DeliverAsync(Actor actor, Guid awardId, DeliverInput input,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct)
    {
        // On PostgreSQL, two deliveries of one award queue on its row, so the second sees it delivered (409) rather
        // than claiming a second code; SQLite's write transactions are serialised already.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Awards\" WHERE \"Id\" = {awardId} FOR UPDATE", ct);
        var award = await db.Set<Award>().FirstOrDefaultAsync(a => a.Id == awardId, ct);
        if (award is null) return AwardErrors.NotFound;
        var activity = await AwardAccess.ActivityAsync(db, award.ActivityId, ct);
        if (AwardAccess.CheckTeam(actor, activity) is { } refused) return refused;
        if (award.Status != AwardStatus.Pending) return AwardErrors.WrongState(award.Status);
        if (!await db.Registrations.AnyAsync(r => r.ActivityId == award.ActivityId && r.MemberId == award.MemberId
                && r.Status == RegistrationStatus.Confirmed, ct))
            return WinnerNotEligible;

        var now = time.UtcNow();
        string? coupon = null;
        if (award.Kind == RewardKind.Coupon && (coupon = await ClaimCouponAsync(award, now, ct)) is null) return AwardErrors.PoolEmpty;
        var delivered = award.Deliver(actor.Id, input.TrackingNumber, coupon, input.Note, now);
        if (!delivered.IsOk) return delivered.Error!;
        if (award.Kind == RewardKind.Points)
        {
            var reason = $"{award.RewardName} · {activity!.Title}";
            await Members.CreditAsync(db, award.MemberId, (int)decimal.Round(award.UnitValue),
                reason.Length > 200 ? reason[..200] : reason, award.ActivityId, actor.Id, now, ct);
        }

        await AwardLog.AppendAsync(audit, actor.Id, "award.delivered", award, ct);
        Notifier.Notify(db, award.MemberId, NotificationKind.AwardDelivered, award.ActivityId, activity!.Title, now, award.RewardName);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AwardErrors.WrongState(AwardStatus.Delivered); // another delivery of this award won; ours rolls back
        }
        return award;
    }

    /// <summary>Claims a free code of the award's pool; null when the pool is empty.</summary>
    private async Task<string?> ClaimCouponAsync(Award award, DateTimeOffset now, CancellationToken ct)
    {
        for (var round = 0; round < 20; round++)
        {
            var free = await db.Set<CouponCode>().AsNoTracking()
                .Where(c => c.ActivityId == award.ActivityId && c.RewardName == award.RewardName && c.AwardId == null)
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.Code }).Take(8).ToListAsync(ct);
            if (free.Count == 0) return null;
            // Different deliveries start at different codes, so a rush does not queue on the first free row.
            foreach (var c in free.Skip(Random.Shared.Next(free.Count)).Concat(free))
            {
                var claimed = await db.Set<CouponCode>().Where(x => x.Id == c.Id && x.AwardId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.AwardId, award.Id).SetProperty(x => x.AssignedAt, now), ct);
                if (claimed == 1) return c.Code;
            }
        }
        return null;
    }
}

/// <summary>Who may handle awards: the activity's team, while the results are published (not yet closed).</summary>
public static class AwardAccess
{
    public static Task<Activity?> ActivityAsync(HuodongDb db, Guid activityId, CancellationToken ct) =>
        db.Activities.Include(a => a.Team).AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);

    public static Error? CheckTeam(Actor actor, Activity? activity)
    {
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return AwardErrors.NotFound;
        if (!ResultsPermissions.CanDraw(actor, activity)) return Error.Forbidden;
        if (activity.Status != ActivityStatus.ResultsPublished) return AwardErrors.WrongActivityState(activity.Status);
        return null;
    }
}
