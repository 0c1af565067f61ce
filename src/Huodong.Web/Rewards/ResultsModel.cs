using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

/// <summary>The results tables: verifiable draws, judges' scores, published results, awards and coupon pools.</summary>
public static class ResultsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Draw>(e =>
        {
            e.ToTable("Draws");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.RewardName).HasMaxLength(Draw.MaxRewardName);
            e.Property(d => d.PublicEntropy).HasMaxLength(Draw.MaxEntropy);
            e.Property(d => d.EntrantsHash).HasMaxLength(64);
            e.Property(d => d.Commitment).HasMaxLength(64);
            e.Property(d => d.Seed).HasMaxLength(64);
            e.Property(d => d.SealedSeed).HasMaxLength(200);
            e.Property(d => d.Revision).IsConcurrencyToken();
            e.Ignore(d => d.Entrants);
            e.Ignore(d => d.Winners);
            // One number per draw of an activity: the guard behind the activity lock that numbers them.
            e.HasIndex(d => new { d.ActivityId, d.Number }).IsUnique();
            e.HasIndex(d => d.RedrawOf);
            e.HasOne<Activity>().WithMany().HasForeignKey(d => d.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Draw>().WithMany().HasForeignKey(d => d.RedrawOf).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(d => d.CreatedById).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(d => d.RevealedById).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Score>(e =>
        {
            e.ToTable("Scores");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.MarksJson).HasMaxLength(500);
            e.Property(s => s.Total).HasPrecision(9, 2);
            e.Ignore(s => s.Marks);
            // One score per judge and submission: a second one corrects the first.
            e.HasIndex(s => new { s.SubmissionId, s.JudgeId }).IsUnique();
            e.HasIndex(s => s.ActivityId);
            e.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Submission>().WithMany().HasForeignKey(s => s.SubmissionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.JudgeId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ResultsPublication>(e =>
        {
            e.ToTable("ResultsPublications");
            e.HasKey(p => p.ActivityId);
            e.HasOne<Activity>().WithOne().HasForeignKey<ResultsPublication>(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(p => p.PublishedById).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Award>(e =>
        {
            e.ToTable("Awards");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.RewardName).HasMaxLength(200);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.Rule).HasConversion<string>().HasMaxLength(15);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.UnitValue).HasPrecision(12, 2);
            e.Property(a => a.Score).HasPrecision(9, 2);
            e.Property(a => a.Code).HasMaxLength(20);
            e.Property(a => a.ShippingAddress).HasMaxLength(2000);
            e.Property(a => a.TrackingNumber).HasMaxLength(Award.MaxTracking);
            e.Property(a => a.CouponCode).HasMaxLength(CouponCode.MaxCode);
            e.Property(a => a.DeliveryNote).HasMaxLength(Award.MaxNote);
            e.Property(a => a.VoidReason).HasMaxLength(Award.MaxNote);
            e.Property(a => a.Revision).IsConcurrencyToken();
            e.Ignore(a => a.IsSettled);
            // One award per place of a reward: publishing twice can never double the prizes.
            e.HasIndex(a => new { a.ActivityId, a.RewardName, a.Rank }).IsUnique();
            e.HasIndex(a => a.MemberId);
            e.HasIndex(a => new { a.Status, a.DueAt });
            e.HasOne<Activity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Draw>().WithMany().HasForeignKey(a => a.DrawId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CouponCode>(e =>
        {
            e.ToTable("CouponCodes");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.RewardName).HasMaxLength(200);
            e.Property(c => c.Code).HasMaxLength(CouponCode.MaxCode);
            e.HasIndex(c => new { c.ActivityId, c.Code }).IsUnique();
            // A code belongs to one award at most (NULLs, the free codes, do not collide on either provider).
            e.HasIndex(c => c.AwardId).IsUnique();
            e.HasIndex(c => new { c.ActivityId, c.RewardName, c.AwardId });
            e.HasOne<Activity>().WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Award>().WithMany().HasForeignKey(c => c.AwardId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ImportedById).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
