using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Security.Monitoring;

public static class MonitoringModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<SecurityAlert>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.Severity).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(14);
            e.Property(a => a.SubjectKey).HasMaxLength(100);
            e.Property(a => a.Subject).HasMaxLength(200);
            e.Property(a => a.AcknowledgeNote).HasMaxLength(SecurityAlert.MaxNote);
            // One open alert per kind and subject, whatever races: parallel detections update it instead.
            e.HasIndex(a => new { a.Kind, a.SubjectKey }).IsUnique().HasFilter("\"Status\" = 'Open'");
            e.HasIndex(a => new { a.Status, a.LastSeen });
        });
        // The personal-data watch reads one actor's recent reveal and export entries.
        b.Entity<Audit.AuditEntry>().HasIndex(a => new { a.ActorId, a.At });
        b.Entity<SignInAttempt>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.AccountHash).HasMaxLength(64);
            e.Property(a => a.NetworkHash).HasMaxLength(64);
            e.HasIndex(a => new { a.AccountHash, a.At });
            e.HasIndex(a => new { a.NetworkHash, a.At });
            e.HasIndex(a => a.At);
        });
        b.Entity<AuditChainCheck>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Reason).HasMaxLength(40);
            e.HasIndex(c => c.At);
        });
        b.Entity<RegistrationErasure>(e =>
        {
            e.HasKey(x => x.ActivityId);
            e.HasOne<Planning.Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
