using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>
/// Claiming and releasing places with single conditional statements that hold under concurrency on SQLite and
/// PostgreSQL alike (both speak <c>ON CONFLICT</c> and <c>RETURNING</c>). Callers run these inside their transaction.
/// </summary>
public static class Seats
{
    /// <summary>Creates the activity's counters from the approved plan, or updates its capacity after an amendment.</summary>
    public static async Task SyncAsync(HuodongDb db, Activity activity, CancellationToken ct)
    {
        var p = activity.ApprovedPlan?.Participation ?? new ParticipationPlan();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ActivitySeats" ("ActivityId", "Capacity", "Waitlist", "Confirmed", "Waitlisted", "NextNumber")
            VALUES ({activity.Id}, {p.Capacity}, {p.Waitlist}, 0, 0, 0)
            ON CONFLICT ("ActivityId") DO UPDATE SET "Capacity" = excluded."Capacity", "Waitlist" = excluded."Waitlist"
            """, ct);
    }

    /// <summary>Creates the counters if the activity has none yet (first registration).</summary>
    public static async Task EnsureAsync(HuodongDb db, Activity activity, CancellationToken ct)
    {
        var p = activity.ApprovedPlan?.Participation ?? new ParticipationPlan();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ActivitySeats" ("ActivityId", "Capacity", "Waitlist", "Confirmed", "Waitlisted", "NextNumber")
            VALUES ({activity.Id}, {p.Capacity}, {p.Waitlist}, 0, 0, 0)
            ON CONFLICT ("ActivityId") DO NOTHING
            """, ct);
    }

    /// <summary>True when every place is taken and the plan has no waitlist, as last committed (no lock taken).</summary>
    public static Task<bool> IsFullWithoutWaitlistAsync(HuodongDb db, Guid activityId, CancellationToken ct) =>
        db.ActivitySeats.AsNoTracking().AnyAsync(s => s.ActivityId == activityId && !s.Waitlist
            && s.Capacity != null && s.Confirmed >= s.Capacity, ct);

    /// <summary>
    /// Takes a place if one is free, else a waitlist position if the plan has a waitlist; returns the status and the
    /// arrival number, or a null status when the activity is full.
    /// </summary>
    public static async Task<(RegistrationStatus? Status, long Number)> ClaimAsync(HuodongDb db, Guid activityId, CancellationToken ct)
    {
        var confirmed = await db.Database.SqlQuery<long>($"""
            UPDATE "ActivitySeats" SET "Confirmed" = "Confirmed" + 1, "NextNumber" = "NextNumber" + 1
            WHERE "ActivityId" = {activityId} AND ("Capacity" IS NULL OR "Confirmed" < "Capacity")
            RETURNING "NextNumber" AS "Value"
            """).ToListAsync(ct);
        if (confirmed.Count == 1) return (RegistrationStatus.Confirmed, confirmed[0]);

        var waitlisted = await db.Database.SqlQuery<long>($"""
            UPDATE "ActivitySeats" SET "Waitlisted" = "Waitlisted" + 1, "NextNumber" = "NextNumber" + 1
            WHERE "ActivityId" = {activityId} AND "Waitlist" = {true}
            RETURNING "NextNumber" AS "Value"
            """).ToListAsync(ct);
        return waitlisted.Count == 1 ? (RegistrationStatus.Waitlisted, waitlisted[0]) : (null, 0);
    }

    /// <summary>Gives back a confirmed place (a cancellation).</summary>
    public static Task ReleaseConfirmedAsync(HuodongDb db, Guid activityId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "ActivitySeats" SET "Confirmed" = "Confirmed" - 1 WHERE "ActivityId" = {activityId} AND "Confirmed" > 0""", ct);

    public static Task ReleaseWaitlistedAsync(HuodongDb db, Guid activityId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "ActivitySeats" SET "Waitlisted" = "Waitlisted" - 1 WHERE "ActivityId" = {activityId} AND "Waitlisted" > 0""", ct);

    /// <summary>Moves one waitlisted count to confirmed if a place is free; true when it did.</summary>
    public static async Task<bool> TryPromoteSeatAsync(HuodongDb db, Guid activityId, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "ActivitySeats" SET "Confirmed" = "Confirmed" + 1, "Waitlisted" = "Waitlisted" - 1
            WHERE "ActivityId" = {activityId} AND "Waitlisted" > 0 AND ("Capacity" IS NULL OR "Confirmed" < "Capacity")
            """, ct) == 1;
}
