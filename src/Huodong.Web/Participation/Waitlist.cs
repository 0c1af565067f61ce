using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>
/// Moves waitlisted registrations into free places in order of arrival. Each move is a conditional update of the
/// counters and then of the registration, so concurrent callers never promote the same member twice. Callers run
/// this inside their transaction; events and notifications are added to their unit of work.
/// </summary>
public static class Waitlist
{
    /// <summary>Moves the earliest waitlisted registration into a free place; false when there is no place or nobody waits.</summary>
    public static async Task<bool> PromoteNextAsync(HuodongDb db, Guid activityId, string title, DateTimeOffset now, CancellationToken ct)
    {
        if (!await Seats.TryPromoteSeatAsync(db, activityId, ct)) return false;
        while (true)
        {
            var next = await db.Registrations.AsNoTracking()
                .Where(r => r.ActivityId == activityId && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.Number).Select(r => new { r.Id, r.MemberId }).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                // The counters said someone waits but nobody does any more: give the claimed place back.
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""UPDATE "ActivitySeats" SET "Confirmed" = "Confirmed" - 1, "Waitlisted" = "Waitlisted" + 1 WHERE "ActivityId" = {activityId}""", ct);
                return false;
            }
            var moved = await db.Registrations.Where(r => r.Id == next.Id && r.Status == RegistrationStatus.Waitlisted)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Confirmed)
                    .SetProperty(r => r.StatusChangedAt, now), ct);
            if (moved == 0) continue; // another transaction moved this one first; take the next
            db.ActivityEvents.Add(new ActivityEvent(activityId, next.MemberId, ActivityEventKind.Promoted, now, next.Id));
            Notifier.Notify(db, next.MemberId, NotificationKind.Promoted, activityId, title, now);
            return true;
        }
    }

    /// <summary>
    /// Fills every free place from the waitlist, e.g. after an approved amendment raised the capacity: otherwise a
    /// newcomer would take a free place ahead of members who have been waiting (G3.2).
    /// </summary>
    public static async Task FillFreePlacesAsync(HuodongDb db, Guid activityId, string title, DateTimeOffset now, CancellationToken ct)
    {
        while (await PromoteNextAsync(db, activityId, title, now, ct)) { }
    }
}
