using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Security;

/// <summary>A version of the confidentiality agreement staff sign (S2.1); a new version needs signing again.</summary>
public sealed class AgreementVersion
{
    private AgreementVersion() { }
    public AgreementVersion(int version, string text, Guid publishedBy, DateTimeOffset at) =>
        (Version, Text, PublishedBy, PublishedAt) = (version, text, publishedBy, at);

    public int Version { get; private set; }
    public string Text { get; private set; } = "";
    public Guid PublishedBy { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
}

/// <summary>Who signed which version of the agreement, and when.</summary>
public sealed class AgreementSignature
{
    private AgreementSignature() { }
    public AgreementSignature(Guid userId, int version, DateTimeOffset at) => (UserId, Version, SignedAt) = (userId, version, at);

    public Guid UserId { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }
}

/// <summary>A staff member's confidentiality training (S2.3): course, when, and whether it was passed.</summary>
public sealed class TrainingRecord
{
    private TrainingRecord() { }
    public TrainingRecord(Guid userId, string course, DateTimeOffset completedAt, bool passed, Guid recordedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        (UserId, Course, CompletedAt, Passed, RecordedBy, RecordedAt) = (userId, course, completedAt, passed, recordedBy, at);
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Course { get; private set; } = "";
    public DateTimeOffset CompletedAt { get; private set; }
    public bool Passed { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

public sealed record ComplianceStatus(int? CurrentVersion, int? SignedVersion, DateTimeOffset? SignedAt,
    DateTimeOffset? TrainedAt, DateTimeOffset? TrainingValidUntil, bool Signed, bool Trained)
{
    /// <summary>Both hold: the current agreement is signed and a passed training is still valid.</summary>
    public bool Current => Signed && Trained;
}

public sealed record AgreementInput(string? Text);
public sealed record TrainingInput(string? Email, string? Course, DateTimeOffset? CompletedAt, bool? Passed);

/// <summary>
/// S2.1 and S2.3: versioned confidentiality agreements that staff sign, and training records Admin keeps. Staff without
/// a current signature and a valid passed training may not open plans of teams they are not on, nor export or reveal
/// members' personal data (<see cref="RequireAsync"/>). Every publication, signature and record is audited.
/// </summary>
public sealed class Compliance(HuodongDb db, AuditLog audit, TimeProvider time, IConfiguration config)
{
    public const int MaxText = 20_000;
    public const int MaxCourse = 200;

    public static readonly Error Required = new(ErrorKind.Forbidden, "compliance-required",
        "Sign the current confidentiality agreement and complete the training first.");

    private TimeSpan TrainingValidity => TimeSpan.FromDays(config.GetValue("Compliance:TrainingValidDays", 365));

    public async Task<ComplianceStatus> StatusAsync(Guid userId, CancellationToken ct)
    {
        var current = await db.Set<AgreementVersion>().MaxAsync(v => (int?)v.Version, ct);
        var signatures = await db.Set<AgreementSignature>().AsNoTracking().Where(s => s.UserId == userId).ToListAsync(ct);
        var signed = signatures.OrderByDescending(s => s.Version).FirstOrDefault();
        var trainings = await db.Set<TrainingRecord>().AsNoTracking().Where(t => t.UserId == userId && t.Passed).ToListAsync(ct);
        var trained = trainings.OrderByDescending(t => t.CompletedAt).FirstOrDefault();
        var validUntil = trained?.CompletedAt + TrainingValidity;
        return new ComplianceStatus(current, signed?.Version, signed?.SignedAt, trained?.CompletedAt, validUntil,
            current is not null && signed?.Version == current, validUntil is { } until && until > time.GetUtcNow());
    }

    /// <summary>Refuses staff who are not current; members and the team's own work are not this gate's business.</summary>
    public async Task<Result> RequireAsync(Actor actor, CancellationToken ct) =>
        actor.IsSignedIn && (await StatusAsync(actor.Id, ct)).Current ? Result.Ok : Required;

    public async Task<Result<AgreementVersion>> PublishAsync(Actor actor, string? text, CancellationToken ct)
    {
        if (!actor.Is(Roles.Admin)) return Error.Forbidden;
        var body = text?.Trim();
        if (string.IsNullOrEmpty(body)) return Error.Field("text", "Required.");
        if (body.Length > MaxText) return Error.Field("text", "Too long.");
        var now = time.GetUtcNow();
        var version = new AgreementVersion((await db.Set<AgreementVersion>().MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1, body, actor.Id, now);
        await SaveAuditedAsync(version, () => audit.AppendAsync(actor.Id, "agreement.published", "agreement",
            version.Version.ToString(), new { version.Version }, ct), ct); // two admins at once: the key lets one have the number
        return version;
    }

    public async Task<Result<ComplianceStatus>> SignAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return Error.Forbidden;
        var current = await db.Set<AgreementVersion>().MaxAsync(v => (int?)v.Version, ct);
        if (current is not { } version) return Error.NotFound("Agreement");
        if (!await db.Set<AgreementSignature>().AnyAsync(s => s.UserId == actor.Id && s.Version == version, ct))
        {
            await SaveAuditedAsync(new AgreementSignature(actor.Id, version, time.GetUtcNow()),
                () => audit.AppendAsync(actor.Id, "agreement.signed", "agreement", version.ToString(), new { version }, ct), ct);
        }
        return await StatusAsync(actor.Id, ct);
    }

    public async Task<Result<TrainingRecord>> RecordTrainingAsync(Actor actor, TrainingInput input, CancellationToken ct)
    {
        if (!actor.Is(Roles.Admin)) return Error.Forbidden;
        var errors = new Dictionary<string, string[]>();
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : db.AccountKey(input.Email.Trim());
        var staff = string.IsNullOrEmpty(email) ? null
            : await db.Users.Where(u => u.NormalizedEmail == email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (staff is null) errors["email"] = ["No staff account has this email."];
        var course = input.Course?.Trim();
        if (string.IsNullOrEmpty(course)) errors["course"] = ["Required."];
        else if (course.Length > MaxCourse) errors["course"] = ["Too long."];
        var now = time.GetUtcNow();
        if (input.CompletedAt is not { } done) errors["completedAt"] = ["Required."];
        else if (done > now) errors["completedAt"] = ["Cannot be in the future."];
        if (input.Passed is null) errors["passed"] = ["Required."];
        if (errors.Count > 0) return Error.Validation(errors);
        var record = new TrainingRecord(staff!.Value, course!, input.CompletedAt!.Value.ToUniversalTime(), input.Passed!.Value, actor.Id, now);
        await SaveAuditedAsync(record, () => audit.AppendAsync(actor.Id, "training.recorded", "user", staff.Value.ToString(),
            new { course, passed = record.Passed }, ct), ct);
        return record;
    }

    /// <summary>Saves <paramref name="entity"/> and its audit entry in one transaction (the chain is appended inside it).</summary>
    private async Task SaveAuditedAsync(object entity, Func<Task> auditEntry, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(entity);
        await auditEntry();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public static void Configure(ModelBuilder b)
    {
        b.Entity<AgreementVersion>(e =>
        {
            e.HasKey(v => v.Version);
            e.Property(v => v.Version).ValueGeneratedNever();
            e.Property(v => v.Text).HasMaxLength(MaxText);
        });
        b.Entity<AgreementSignature>(e =>
        {
            e.HasKey(s => new { s.UserId, s.Version });
            e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AgreementVersion>().WithMany().HasForeignKey(s => s.Version).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<TrainingRecord>(e =>
        {
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Course).HasMaxLength(MaxCourse);
            e.HasIndex(t => t.UserId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
