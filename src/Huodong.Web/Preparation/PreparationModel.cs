using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation;

/// <summary>The preparation tables (E1.1–E1.3): duties, materials and readiness checks with their results.</summary>
public static class PreparationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Duty>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(DutyInput.MaxTitle);
            e.HasIndex(x => new { x.ActivityId, x.From });
            e.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.IsStaffed);
        });
        b.Entity<Material>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => x.ActivityId);
            e.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.IsReady);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("CK_Materials_Quantities", "\"QuantityNeeded\" >= 1 AND \"QuantityInHand\" >= 0");
                // Ready means complete (E1.2), whatever writes the row.
                t.HasCheckConstraint("CK_Materials_Ready", "\"Status\" <> 'Ready' OR \"QuantityInHand\" >= \"QuantityNeeded\"");
            });
        });
        b.Entity<ReadinessCheck>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.ActivityId, x.RanAt });
            e.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Probes).WithOne().HasForeignKey(p => p.CheckId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.CheckId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(x => x.Probes).HasField("_probes");
            e.Navigation(x => x.Items).HasField("_items");
            e.Ignore(x => x.Passed);
        });
        b.Entity<ProbeOutcome>(e =>
        {
            e.ToTable("ReadinessProbeResults");
            e.HasKey(x => new { x.CheckId, x.Name });
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Detail).HasMaxLength(2000);
        });
        b.Entity<ChecklistItem>(e =>
        {
            e.ToTable("ReadinessChecklistItems");
            e.HasKey(x => new { x.CheckId, x.Key });
            e.Property(x => x.Key).HasMaxLength(50);
            e.Property(x => x.Title).HasMaxLength(200);
        });
    }
}
