using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>The participation tables and the constraints that keep them right under concurrency.</summary>
public static class ParticipationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ActivitySeats>(e =>
        {
            e.HasKey(s => s.ActivityId);
            e.HasOne<Activity>().WithOne().HasForeignKey<ActivitySeats>(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable(t =>
            {
                // Not "Confirmed <= Capacity": an approved amendment may lower the capacity below the places already given.
                t.HasCheckConstraint("CK_ActivitySeats_Confirmed", "\"Confirmed\" >= 0");
                t.HasCheckConstraint("CK_ActivitySeats_Waitlisted", "\"Waitlisted\" >= 0");
            });
        });
        b.Entity<Registration>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
            // One registration per member and activity, and one arrival number per activity, whatever races.
            e.HasIndex(r => new { r.ActivityId, r.MemberId }).IsUnique();
            e.HasIndex(r => new { r.ActivityId, r.Number }).IsUnique();
            e.HasIndex(r => new { r.ActivityId, r.Status, r.Number });
            e.HasOne<Activity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.OwnsOne(r => r.Contact, c =>
            {
                c.Property(x => x.RealName).HasColumnName("RealNameProtected").HasMaxLength(400);
                c.Property(x => x.Phone).HasColumnName("PhoneProtected").HasMaxLength(400);
                c.Property(x => x.PhoneIndex).HasColumnName("PhoneIndex").HasMaxLength(64);
                c.Property(x => x.Email).HasColumnName("EmailProtected").HasMaxLength(800);
                c.Property(x => x.EmailIndex).HasColumnName("EmailIndex").HasMaxLength(64);
                c.HasIndex(x => x.PhoneIndex);
                c.HasIndex(x => x.EmailIndex);
            });
            e.Navigation(r => r.Contact).IsRequired();
            e.Ignore(r => r.Code);
        });
        b.Entity<CompletedTask>(e =>
        {
            e.HasKey(t => new { t.MemberId, t.ActivityId, t.TaskKey });
            e.Property(t => t.TaskKey).HasMaxLength(100);
            e.Property(t => t.Source).HasMaxLength(20);
        });
        b.Entity<Submission>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.TaskKey).HasMaxLength(100);
            e.Property(x => x.Content).HasMaxLength(10_000);
            e.Property(x => x.ReviewNote).HasMaxLength(2000);
            e.HasIndex(x => new { x.ActivityId, x.CreatedAt });
            e.HasIndex(x => new { x.ActivityId, x.MemberId });
            e.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Comment>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Body).HasMaxLength(5000);
            e.HasIndex(x => new { x.ActivityId, x.CreatedAt });
            e.HasIndex(x => new { x.ActivityId, x.IsQuestion, x.AnsweredAt });
            e.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Comment>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CommentLike>(e =>
        {
            e.HasKey(x => new { x.CommentId, x.MemberId });
            e.HasOne<Comment>().WithMany().HasForeignKey(x => x.CommentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Notification>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.ArgsJson).HasMaxLength(4000);
            e.HasIndex(x => new { x.UserId, x.ReadAt, x.CreatedAt });
            e.Ignore(x => x.Args);
        });
        b.Entity<ActivityEvent>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
            e.HasIndex(x => new { x.ActivityId, x.Kind, x.At });
            e.HasIndex(x => new { x.MemberId, x.At });
            // The evaluation's active-member windows (V1.3): distinct members in a time range, from the index alone.
            e.HasIndex(x => new { x.At, x.MemberId });
        });
    }
}
