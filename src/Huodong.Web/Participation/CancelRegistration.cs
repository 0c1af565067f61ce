using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>
/// A member cancels their registration; a freed place goes to the first member on the waitlist, in order of
/// arrival. Both steps are conditional updates, so two cancellations at once never promote the same member twice.
/// </summary>
public sealed class CancelRegistration(HuodongDb db, TimeProvider time)
{
    public async Task<Result<Registration>> ExecuteAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        if (!actor.IsSignedIn) return ParticipationErrors.NotRegistered;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.ActivityId == activityId
            && r.MemberId == actor.Id && r.Status != RegistrationStatus.Cancelled
            && r.Status != RegistrationStatus.Disqualified, ct); // M3.3: no way back in by cancelling and registering again
        if (registration is null) return ParticipationErrors.NotRegistered;
        // After the end a freed place would "promote" a waitlisted member into an activity that is already over,
        // and the confirmed list is what results and draws are computed from (E3.1).
        var status = await db.Activities.Where(a => a.Id == activityId).Select(a => a.Status).FirstAsync(ct);
        if (status is not (ActivityStatus.Approved or ActivityStatus.Live or ActivityStatus.Paused))
            return ParticipationErrors.ActivityOver;

        var now = time.UtcNow();
        var wasConfirmed = registration.Status == RegistrationStatus.Confirmed;
        var cancelled = await db.Registrations
            .Where(r => r.Id == registration.Id && r.Status == registration.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled)
                .SetProperty(r => r.StatusChangedAt, now), ct);
        if (cancelled == 0) return ParticipationErrors.NotRegistered; // a concurrent cancel won
        if (wasConfirmed) await Seats.ReleaseConfirmedAsync(db, activityId, ct);
        else await Seats.ReleaseWaitlistedAsync(db, activityId, ct);
        db.ActivityEvents.Add(new ActivityEvent(activityId, actor.Id, ActivityEventKind.RegistrationCancelled, now, registration.Id));

        if (wasConfirmed)
        {
            var title = await db.Activities.Where(a => a.Id == activityId).Select(a => a.Title).FirstAsync(ct);
            await Waitlist.PromoteNextAsync(db, activityId, title, now, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return registration;
    }
}
