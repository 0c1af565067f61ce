using System.Text.Json;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>
/// M2.1: a member registers for an approved activity inside its registration window, if eligible (M1.2). A place
/// is claimed with one atomic conditional UPDATE; over capacity the member is waitlisted when the plan allows it.
/// One registration per member and activity is held by a unique index, whatever races.
/// </summary>
public sealed class RegisterMember(HuodongDb db, FieldProtector protector, TimeProvider time, Conduct.Cheating.RegistrationWatch watch)
{
    public const string NamePurpose = "registration.realName";
    public const string PhonePurpose = "registration.phone";
    public const string EmailPurpose = "registration.email";
    public const string AnswersPurpose = "registration.answers";

    public async Task<Result<Registration>> ExecuteAsync(Actor actor, Guid activityId, RegistrationInput input, CancellationToken ct)
    {
        if (!actor.Is(Roles.Member)) return ParticipationErrors.MembersOnly;
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !activity.IsPublished) return ActivityErrors.NotFound;

        var invalid = input.Validate();
        if (invalid.Count > 0) return Error.Validation(invalid);

        var now = time.UtcNow();
        if (activity.Status is not (ActivityStatus.Approved or ActivityStatus.Live)
            || now < activity.RegistrationOpensAt || now >= activity.RegistrationClosesAt)
            return ParticipationErrors.RegistrationClosed;

        if (await Members.SuspensionOfAsync(db, actor.Id, now, ct) is { } suspended) return suspended;

        var verdict = await EligibilityOfAsync(actor.Id, activityId, activity.ApprovedPlan!.Eligibility, ct);
        if (!verdict.Eligible) return ParticipationErrors.NotEligible(verdict.ReasonKey!, verdict.Args);

        if (await db.Registrations.AnyAsync(r => r.ActivityId == activityId && r.MemberId == actor.Id
                && r.Status != RegistrationStatus.Cancelled, ct))
            return ParticipationErrors.AlreadyRegistered;

        // In a rush most requests arrive after the places are gone: a plain read turns them away without taking
        // the write lock (SQLite) or queueing on the counter row (PostgreSQL). The conditional UPDATE below stays
        // the only thing that gives a place, so this read can never oversell.
        if (await Seats.IsFullWithoutWaitlistAsync(db, activityId, ct)) return ParticipationErrors.CapacityFull;

        var contact = Protect(protector, input);
        var answers = input.Answers is { } a ? protector.Encrypt(a.GetRawText(), AnswersPurpose) : null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A member who cancelled may register again, at the back of the line.
        await db.Registrations.Where(r => r.ActivityId == activityId && r.MemberId == actor.Id
            && r.Status == RegistrationStatus.Cancelled).ExecuteDeleteAsync(ct);
        await Seats.EnsureAsync(db, activity, ct);
        var (status, number) = await Seats.ClaimAsync(db, activityId, ct);
        if (status is null) return ParticipationErrors.CapacityFull;

        var registration = new Registration(activityId, actor.Id, number, status.Value, contact, answers, now);
        db.Registrations.Add(registration);
        db.ActivityEvents.Add(new ActivityEvent(activityId, actor.Id,
            status == RegistrationStatus.Confirmed ? ActivityEventKind.Registered : ActivityEventKind.Waitlisted, now, registration.Id));
        if (status == RegistrationStatus.Confirmed)
            Notifier.Notify(db, actor.Id, NotificationKind.RegistrationConfirmed, activityId, activity.Title, now);
        else
        {
            var position = 1 + await db.Registrations.CountAsync(r => r.ActivityId == activityId
                && r.Status == RegistrationStatus.Waitlisted && r.Number < number, ct);
            Notifier.Notify(db, actor.Id, NotificationKind.Waitlisted, activityId, activity.Title, now, position.ToString());
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            // M3.3: bursts and shared devices open cases for a moderator; the registration itself stands.
            await watch.AfterRegistrationAsync(registration, ct);
            return registration;
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            if (await IsDuplicateAsync(actor.Id, activityId)) return ParticipationErrors.AlreadyRegistered; // lost a race with the same member
            throw;
        }
    }

    public async Task<Eligibility.Verdict> EligibilityOfAsync(Guid memberId, Guid activityId, EligibilityRule? rule, CancellationToken ct)
    {
        var level = await db.Users.Where(u => u.Id == memberId).Select(u => u.Level).FirstAsync(ct);
        var tasks = await db.CompletedTasks
            .Where(t => t.MemberId == memberId && (t.ActivityId == Guid.Empty || t.ActivityId == activityId))
            .Select(t => t.TaskKey).ToListAsync(ct);
        return Eligibility.Check(rule, level, tasks.ToHashSet());
    }

    /// <summary>The contact as stored: ciphertexts and blind indexes (also how bench/ writes its registrations).</summary>
    public static ProtectedContact Protect(FieldProtector protector, RegistrationInput input)
    {
        var phone = PersonalData.NormalisePhone(input.Phone)!;
        var email = PersonalData.NormaliseEmail(input.Email);
        return new ProtectedContact(
            protector.Encrypt(input.RealName!.Trim(), NamePurpose),
            protector.Encrypt(phone, PhonePurpose),
            protector.BlindIndex(phone, PhonePurpose),
            email is null ? null : protector.Encrypt(email, EmailPurpose),
            email is null ? null : protector.BlindIndex(email, EmailPurpose));
    }

    private async Task<bool> IsDuplicateAsync(Guid memberId, Guid activityId)
    {
        db.ChangeTracker.Clear();
        return await db.Registrations.AnyAsync(r => r.ActivityId == activityId && r.MemberId == memberId);
    }
}
