using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct;

/// <summary>
/// M3.3 "once found, the participant is disqualified": the registration leaves the entrants and gives its place
/// back, which the waitlist fills as on a cancellation. An overturned decision puts the member back: into a free
/// place when there is one, otherwise onto the waitlist (never past the capacity).
/// </summary>
public static class Disqualification
{
    public static async Task DisqualifyAsync(HuodongDb db, Registration registration, DateTimeOffset now, CancellationToken ct)
    {
        var wasConfirmed = registration.Status == RegistrationStatus.Confirmed;
        registration.Disqualify(now);
        await db.SaveChangesAsync(ct); // the promotion below must not see this registration as confirmed or waiting
        if (!wasConfirmed)
        {
            await Seats.ReleaseWaitlistedAsync(db, registration.ActivityId, ct);
            return;
        }
        await Seats.ReleaseConfirmedAsync(db, registration.ActivityId, ct);
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == registration.ActivityId)
            .Select(a => new { a.Status, a.Title }).FirstAsync(ct);
        if (activity.Status is ActivityStatus.Approved or ActivityStatus.Live or ActivityStatus.Paused)
            await Waitlist.PromoteNextAsync(db, registration.ActivityId, activity.Title, now, ct);
    }

    public static async Task ReinstateAsync(HuodongDb db, Registration registration, DateTimeOffset now, CancellationToken ct)
    {
        if (registration.Status != RegistrationStatus.Disqualified) return;
        var hadPlace = registration.PreviousStatus == RegistrationStatus.Confirmed;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "ActivitySeats" SET "Waitlisted" = "Waitlisted" + 1 WHERE "ActivityId" = {registration.ActivityId}""", ct);
        var placed = hadPlace && await Seats.TryPromoteSeatAsync(db, registration.ActivityId, ct);
        registration.Reinstate(placed ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted, now);
    }
}
