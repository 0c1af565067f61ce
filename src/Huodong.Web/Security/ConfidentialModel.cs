using Huodong.Web.Approval;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Huodong.Web.Security;

/// <summary>
/// Confidential plan content at rest (S2.2): the plan JSON (resources, risk register, internal notes, everything but
/// the plain Title/Format/Status columns lists need), its frozen versions, review comments and verdicts, and transition
/// notes are sealed with <see cref="FieldProtector"/> by EF value converters, so every reader and writer stays as it
/// was. Version hashes are computed over the canonical plaintext before it reaches the converter, so they hold.
/// Rows written before this existed are plaintext: they read as they are and the re-encryption job seals them.
/// </summary>
public static class ConfidentialModel
{
    public const string WorkingPlanPurpose = "activity.workingPlan";
    public const string ApprovedPlanPurpose = "activity.approvedPlan";
    public const string VersionPlanPurpose = "planVersion.plan";
    public const string ReviewCommentPurpose = "review.comment";
    public const string ReviewPointsPurpose = "review.points";
    public const string TransitionNotePurpose = "transition.note";
    public const string IdempotencyBodyPurpose = "idempotency.body";

    public static void Configure(ModelBuilder b, FieldProtector? protector)
    {
        // Sealed values are longer than their plaintext (base64 of nonce + UTF-8 text + tag, and the prefix).
        b.Entity<Review>().Property(r => r.Comment).Metadata.SetMaxLength(null);
        b.Entity<Transition>().Property(t => t.Note).Metadata.SetMaxLength(null);
        // The account's user name and email are sealed too (AccountDataProtector): a 256-character email seals to ~390.
        b.Entity<People.AppUser>().Property(u => u.UserName).Metadata.SetMaxLength(null);
        b.Entity<People.AppUser>().Property(u => u.Email).Metadata.SetMaxLength(null);
        if (protector is null) return; // design time (migrations): the schema is the same without converters
        b.Entity<Activity>().Property(a => a.WorkingPlanJson).HasConversion((ValueConverter)Sealed(protector, WorkingPlanPurpose));
        b.Entity<Activity>().Property(a => a.ApprovedPlanJson).HasConversion((ValueConverter)Sealed(protector, ApprovedPlanPurpose));
        b.Entity<PlanVersion>().Property(v => v.PlanJson).HasConversion((ValueConverter)Sealed(protector, VersionPlanPurpose));
        b.Entity<Review>().Property(r => r.Comment).HasConversion((ValueConverter)Sealed(protector, ReviewCommentPurpose));
        b.Entity<Review>().Property(r => r.PointsJson).HasConversion((ValueConverter)Sealed(protector, ReviewPointsPurpose));
        b.Entity<Transition>().Property(t => t.Note).HasConversion((ValueConverter)Sealed(protector, TransitionNotePurpose));
        // A replayed answer can hold personal data (a registration's contact details) until the record expires.
        b.Entity<Shared.IdempotencyRecord>().Property(r => r.Body).HasConversion(SealedBytes(protector, IdempotencyBodyPurpose),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<byte[]>(
                (a, c) => a == null ? c == null : c != null && a.SequenceEqual(c),
                v => v.Length, v => v.ToArray()));
    }

    /// <summary>
    /// Bytes sealed as the protected text of their base64 (the column stays binary); bytes stored before this existed
    /// are not in the protected form and read as they are.
    /// </summary>
    private static ValueConverter<byte[], byte[]> SealedBytes(FieldProtector protector, string purpose) =>
        new(v => System.Text.Encoding.ASCII.GetBytes(protector.Encrypt(Convert.ToBase64String(v), purpose)),
            v => UnsealBytes(protector, v, purpose));

    private static byte[] UnsealBytes(FieldProtector protector, byte[] stored, string purpose)
    {
        if (stored.Length < 4 || stored[0] != (byte)'v' || stored[1] != (byte)'1' || stored[2] != (byte)':') return stored;
        var text = System.Text.Encoding.ASCII.GetString(stored);
        return protector.IsProtected(text) ? Convert.FromBase64String(protector.Decrypt(text, purpose)) : stored;
    }

    private static ValueConverter<string, string> Sealed(FieldProtector protector, string purpose) =>
        new(v => protector.Encrypt(v, purpose), v => protector.DecryptOrLegacy(v, purpose));

    /// <summary>The app's protector, seen from a context (null at design time, when there is no app).</summary>
    public static FieldProtector? ProtectorOf(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()
            ?.ApplicationServiceProvider?.GetService(typeof(FieldProtector)) as FieldProtector;
}

/// <summary>
/// The model holds the converters, and with them a protector: one model per key source (key file or configuration),
/// so that apps in one process with different key files (the rotation tests) do not share converters.
/// </summary>
public sealed class ConfidentialModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), designTime, ConfidentialModel.ProtectorOf(context)?.Source);
}
