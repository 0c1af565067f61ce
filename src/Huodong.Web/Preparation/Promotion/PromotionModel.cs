using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation.Promotion;

/// <summary>The promotion tables: promotions and their outbox of deliveries.</summary>
public static class PromotionModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Promotion>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Title).HasMaxLength(200);
            e.Property(p => p.Body).HasMaxLength(20_000);
            e.Property(p => p.Channels).HasMaxLength(200);
            e.HasIndex(p => new { p.ActivityId, p.CreatedAt });
            e.HasOne<Activity>().WithMany().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Deliveries).WithOne().HasForeignKey(d => d.PromotionId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(p => p.Deliveries).HasField("_deliveries");
            e.Ignore(p => p.ChannelList);
        });
        b.Entity<Delivery>(e =>
        {
            e.ToTable("PromotionDeliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.LastError).HasMaxLength(1000);
            // The worker's scan: due pending rows.
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => d.NotificationId);
            e.HasOne<Participation.Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(d => d.RecipientId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
