using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Summary;

public static class SummaryModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<SummaryReview>(e =>
        {
            e.ToTable("ActivitySummaries");
            e.HasKey(s => s.ActivityId);
            e.Property(s => s.Strengths).HasMaxLength(SummaryReview.MaxText);
            e.Property(s => s.Weaknesses).HasMaxLength(SummaryReview.MaxText);
            e.Property(s => s.FeedbackHighlights).HasMaxLength(SummaryReview.MaxText);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.Ignore(s => s.Text);
            e.HasOne<Activity>().WithOne().HasForeignKey<SummaryReview>(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.WrittenById).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SummaryRevision>(e =>
        {
            e.ToTable("ActivitySummaryRevisions");
            e.HasKey(r => new { r.ActivityId, r.Version });
            e.Property(r => r.Strengths).HasMaxLength(SummaryReview.MaxText);
            e.Property(r => r.Weaknesses).HasMaxLength(SummaryReview.MaxText);
            e.Property(r => r.FeedbackHighlights).HasMaxLength(SummaryReview.MaxText);
            e.HasOne<Activity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ById).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
