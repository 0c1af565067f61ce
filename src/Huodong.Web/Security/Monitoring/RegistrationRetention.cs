using Huodong.Web.Shared;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Huodong.Web.Security.Monitoring;

public sealed record RetentionOutcome(int Activities, int Registrations);

/// <summary>
/// PIPL art. 19 and 47: registrants' personal data (real name, phone, email, answers) is kept no longer than
/// <see cref="RetentionOptions.RegistrationDays"/> after the activity closes. The registrations themselves stay — numbers,
/// statuses, times — so counts, results and metrics add up as before; their contact details become encrypted empty
/// values with the lookup keys cleared, exactly as a member's own erasure does (<see cref="People.MemberData"/>).
/// Batches of <see cref="RetentionOptions.BatchSize"/> in a transaction each; the erased marker makes a re-run (or a run
/// resumed after a crash) touch only what is left. One audit entry per activity, in its last batch's transaction.
/// </summary>
public sealed class RegistrationRetention(HuodongDb db, FieldProtector protector, AuditLog audit, IOptions<RetentionOptions> options,
    TimeProvider time, ILogger<RegistrationRetention> log)
{
    /// <summary>The phone lookup key of an erased registration (the same marker member erasure writes).</summary>
    public const string ErasedMarker = "erased";
    public const string ErasedCode = "registration.personal-data.erased";

    public async Task<RetentionOutcome> RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.UtcNow();
        var cutoff = now.AddDays(-Math.Max(0, o.RegistrationDays));
        var due = await db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Closed
                && db.Transitions.Any(t => t.ActivityId == a.Id && t.To == ActivityStatus.Closed && t.At < cutoff)
                && db.Registrations.Any(r => r.ActivityId == a.Id && r.Contact.PhoneIndex != ErasedMarker))
            .Select(a => a.Id).ToListAsync(ct);
        var total = 0;
        foreach (var activityId in due) total += await EraseAsync(activityId, o, now, ct);
        if (due.Count > 0) log.LogInformation("Retention erased the personal data of {Count} registrations in {Activities} activities.", total, due.Count);
        return new RetentionOutcome(due.Count, total);
    }

    private async Task<int> EraseAsync(Guid activityId, RetentionOptions o, DateTimeOffset now, CancellationToken ct)
    {
        var size = Math.Max(1, o.BatchSize);
        var erased = 0;
        while (true)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.Registrations
                .Where(r => r.ActivityId == activityId && r.Contact.PhoneIndex != ErasedMarker)
                .OrderBy(r => r.Number).Take(size).ToListAsync(ct);
            foreach (var r in batch)
                r.Erase(new ProtectedContact(protector.Encrypt("", RegisterMember.NamePurpose),
                    protector.Encrypt("", RegisterMember.PhonePurpose), ErasedMarker, null, null));
            var erasure = await db.Set<RegistrationErasure>().FirstOrDefaultAsync(e => e.ActivityId == activityId, ct);
            if (erasure is null) db.Add(erasure = new RegistrationErasure(activityId, now, 0));
            erasure.Add(batch.Count);
            erased += batch.Count;
            var last = batch.Count < size;
            if (last)
                await audit.AppendAsync(SchedulerAccount.Id, ErasedCode, "activity", activityId.ToString(),
                    new { registrations = erasure.Registrations, retentionDays = o.RegistrationDays }, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (last) return erased;
        }
    }

    /// <summary>When the activity's registrants' personal data was erased by retention, or null.</summary>
    public Task<RegistrationErasure?> ErasureOfAsync(Guid activityId, CancellationToken ct) =>
        db.Set<RegistrationErasure>().AsNoTracking().FirstOrDefaultAsync(e => e.ActivityId == activityId, ct);
}

/// <summary>Quartz's daily firing of the retention rules: registrations' personal data, then old sign-in attempts.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RegistrationRetention registrations, SignInWatch signIns) : IJob
{
    public static readonly JobKey Key = new("retention", "security");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await registrations.RunAsync(ct);
        await signIns.PruneAsync(ct);
    }
}
