using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct;

/// <summary>The conduct tables: lexicon and its version stamp, post fingerprints, cases and reports.</summary>
public static class ConductModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Participation.Registration>().Property(r => r.PreviousStatus).HasConversion<string>().HasMaxLength(12);
        b.Entity<ConductTerm>(e =>
        {
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Term).HasMaxLength(ConductTerm.MaxTerm);
            e.Property(t => t.Normalized).HasMaxLength(ConductTerm.MaxTerm);
            e.Property(t => t.Action).HasConversion<string>().HasMaxLength(10);
            e.Property(t => t.Category).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(t => t.Normalized).IsUnique();
        });
        b.Entity<LexiconStamp>(e =>
        {
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.HasData(new { Id = 1, Version = 0L });
        });
        b.Entity<PostFingerprint>(e =>
        {
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).ValueGeneratedNever();
            e.HasIndex(f => new { f.MemberId, f.At });
            e.HasOne<AppUser>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ModerationCase>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Subject).HasConversion<string>().HasMaxLength(12);
            e.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Source).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.Decision).HasConversion<string>().HasMaxLength(14);
            e.Property(c => c.Evidence).HasMaxLength(ModerationCase.MaxEvidence);
            e.Property(c => c.Rule).HasMaxLength(20);
            e.Property(c => c.Note).HasMaxLength(ModerationCase.MaxNote);
            e.Property(c => c.AppealReason).HasMaxLength(ModerationCase.MaxNote);
            e.Property(c => c.AppealNote).HasMaxLength(ModerationCase.MaxNote);
            e.Property(c => c.Revision).IsConcurrencyToken();
            e.Ignore(c => c.Severity);
            // Reports on the same subject merge into its one open case; the index makes a second one impossible.
            e.HasIndex(c => new { c.Subject, c.SubjectId }).IsUnique().HasFilter("\"Status\" = 'Open'");
            e.HasIndex(c => new { c.Status, c.OpenedAt });
            e.HasIndex(c => new { c.MemberId, c.OpenedAt });
            e.HasIndex(c => new { c.ActivityId, c.Status });
            e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Cheating.SubmissionPrint>(e =>
        {
            e.HasKey(p => p.SubmissionId);
            e.Property(p => p.Signature).HasMaxLength(Cheating.MinHash.Hashes * 4);
            e.HasIndex(p => new { p.ActivityId, p.At });
            e.HasOne<Participation.Submission>().WithOne().HasForeignKey<Cheating.SubmissionPrint>(p => p.SubmissionId)
                .OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Cheating.SubmissionBand>(e =>
        {
            e.HasKey(x => new { x.Key, x.SubmissionId });
            e.HasIndex(x => x.SubmissionId);
            e.HasOne<Cheating.SubmissionPrint>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Cheating.ClientTrace>(e =>
        {
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(12);
            e.Property(t => t.NetworkHash).HasMaxLength(64);
            e.Property(t => t.DeviceHash).HasMaxLength(64);
            e.HasIndex(t => new { t.ActivityId, t.NetworkHash, t.At });
            e.HasIndex(t => t.DeviceHash);
            e.HasIndex(t => t.MemberId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CaseReport>(e =>
        {
            e.HasKey(r => new { r.CaseId, r.ReporterId });
            e.Property(r => r.Reason).HasMaxLength(CaseReport.MaxReason);
            e.HasOne<ModerationCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
