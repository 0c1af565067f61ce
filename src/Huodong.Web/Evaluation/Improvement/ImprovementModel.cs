using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Improvement;

public static class ImprovementModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ImprovementAction>(e =>
        {
            e.ToTable("ImprovementActions");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Title).HasMaxLength(ImprovementAction.MaxTitle);
            e.Property(a => a.Description).HasMaxLength(ImprovementAction.MaxDescription);
            e.Property(a => a.VerdictNote).HasMaxLength(ImprovementAction.MaxNote);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Verdict).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Format).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.MetricKey).HasMaxLength(40);
            e.Property(a => a.Revision).IsConcurrencyToken();
            e.HasIndex(a => a.SourceActivityId);
            e.HasIndex(a => new { a.Format, a.Status });
            e.HasIndex(a => a.AppliedToActivityId);
            e.HasOne<Activity>().WithMany().HasForeignKey(a => a.SourceActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Activity>().WithMany().HasForeignKey(a => a.AppliedToActivityId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.AppliedById).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.VerdictById).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
