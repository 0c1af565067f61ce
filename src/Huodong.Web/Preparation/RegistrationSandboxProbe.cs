using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation;

/// <summary>
/// E1.3 "registration and submission work end-to-end in a dry-run sandbox that leaves no trace": inside one
/// transaction that is always rolled back, a synthetic member account is created and registered the way
/// <see cref="RegisterMember"/> does it — the seats row ensured, a place claimed by the same conditional UPDATE,
/// contact details encrypted, the registration and its event inserted and read back — and hands in a submission.
/// Then the probe checks that nothing of it remains: the same registration, submission and event counts and seat
/// counters as before, and no synthetic account. It runs on a database context of its own so that nothing it
/// tracked can leak into the caller's save.
/// </summary>
public sealed class RegistrationSandboxProbe(IServiceScopeFactory scopes, TimeProvider time) : IReadinessProbe
{
    public string Name => "registration";

    public async Task<ProbeResult> RunAsync(Activity activity, CancellationToken ct)
    {
        if (activity.ApprovedPlan is null) return ProbeResult.Failed("The activity has no approved plan to register for.");
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HuodongDb>();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        var before = await Snapshot.TakeAsync(db, activity.Id, ct);
        var memberId = Guid.NewGuid();
        string outcome;

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            outcome = await RegisterSyntheticAsync(db, protector, activity, memberId, ct);
            await tx.RollbackAsync(ct);
        }
        db.ChangeTracker.Clear();

        var after = await Snapshot.TakeAsync(db, activity.Id, ct);
        var leftover = await db.Users.AnyAsync(u => u.Id == memberId, ct);
        if (after != before || leftover) return ProbeResult.Failed($"The sandbox left a trace: before {before}, after {after}.");
        return outcome.StartsWith("ok:") ? ProbeResult.Ok(outcome[3..]) : ProbeResult.Failed(outcome);
    }

    private async Task<string> RegisterSyntheticAsync(HuodongDb db, FieldProtector protector, Activity activity,
        Guid memberId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        db.Users.Add(new AppUser
        {
            Id = memberId, UserName = $"sandbox-{memberId:N}", NormalizedUserName = db.AccountKey($"sandbox-{memberId:N}"),
            Email = $"sandbox-{memberId:N}@sandbox.invalid", DisplayName = "sandbox", Level = 5, CreatedAt = now,
            SecurityStamp = Guid.NewGuid().ToString(),
        });
        await db.SaveChangesAsync(ct);

        await Seats.EnsureAsync(db, activity, ct);
        var (status, number) = await Seats.ClaimAsync(db, activity.Id, ct);
        if (status is null) return "ok:Every place is taken; the claim refused the synthetic member as it should.";

        const string phone = "13800000000";
        var contact = new ProtectedContact(
            protector.Encrypt("沙盒测试", RegisterMember.NamePurpose),
            protector.Encrypt(phone, RegisterMember.PhonePurpose), protector.BlindIndex(phone, RegisterMember.PhonePurpose),
            null, null);
        var registration = new Registration(activity.Id, memberId, number, status.Value, contact, null, now);
        db.Registrations.Add(registration);
        db.ActivityEvents.Add(new ActivityEvent(activity.Id, memberId, ActivityEventKind.Registered, now, registration.Id));
        await db.SaveChangesAsync(ct);

        var readBack = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == registration.Id, ct);
        if (readBack is null) return "The synthetic registration could not be read back.";
        if (protector.Decrypt(readBack.Contact.Phone, RegisterMember.PhonePurpose) != phone)
            return "The synthetic registration's contact details did not decrypt.";

        // A submission as the member will hand one in once the activity is live (M2.1), stored and read back.
        var submission = new Submission(activity.Id, memberId, "sandbox", null, SubmissionStatus.Pending, now);
        db.Submissions.Add(submission);
        db.ActivityEvents.Add(new ActivityEvent(activity.Id, memberId, ActivityEventKind.Submitted, now, submission.Id));
        await db.SaveChangesAsync(ct);
        if (!await db.Submissions.AnyAsync(x => x.Id == submission.Id, ct)) return "The synthetic submission could not be read back.";
        return $"ok:A synthetic member registered ({status}) and handed in a submission; the sandbox was rolled back.";
    }

    /// <summary>What a registration touches, counted for one activity.</summary>
    private sealed record Snapshot(int Registrations, int Submissions, int Events, int? Confirmed, int? Waitlisted, long? NextNumber)
    {
        public static async Task<Snapshot> TakeAsync(HuodongDb db, Guid activityId, CancellationToken ct)
        {
            var seats = await db.ActivitySeats.AsNoTracking().FirstOrDefaultAsync(s => s.ActivityId == activityId, ct);
            return new Snapshot(
                await db.Registrations.CountAsync(r => r.ActivityId == activityId, ct),
                await db.Submissions.CountAsync(x => x.ActivityId == activityId, ct),
                await db.ActivityEvents.CountAsync(e => e.ActivityId == activityId, ct),
                seats?.Confirmed, seats?.Waitlisted, seats?.NextNumber);
        }
    }
}
