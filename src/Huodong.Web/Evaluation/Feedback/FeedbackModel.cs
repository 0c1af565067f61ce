using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Feedback;

public static class FeedbackModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<FeedbackThread>(e =>
        {
            e.ToTable("FeedbackThreads");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Body).HasMaxLength(12000);
            e.HasIndex(t => new { t.ActivityId, t.LastMessageAt });
            e.HasIndex(t => t.MemberId);
            e.HasOne<Activity>().WithMany().HasForeignKey(t => t.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<FeedbackReply>(e =>
        {
            e.ToTable("FeedbackReplies");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Body).HasMaxLength(12000);
            e.HasIndex(r => r.ThreadId);
            e.HasOne<FeedbackThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
