using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.LiveOps;

/// <summary>The live operations tables: incidents and their timelines, and the activity's pause reason.</summary>
public static class LiveOpsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Activity>().Property(a => a.PauseReason).HasMaxLength(2000);
        b.Entity<Incident>(e =>
        {
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Severity).HasConversion<string>().HasMaxLength(10);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(14);
            e.Property(i => i.Title).HasMaxLength(IncidentErrors.MaxTitle);
            e.Property(i => i.Description).HasMaxLength(IncidentErrors.MaxText);
            e.Property(i => i.Resolution).HasMaxLength(IncidentErrors.MaxText);
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.Ignore(i => i.TimeToResolve);
            // The monitor reads an activity's unresolved incidents on every poll.
            e.HasIndex(i => new { i.ActivityId, i.Status });
            e.HasOne<Activity>().WithMany().HasForeignKey(i => i.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(i => i.AssigneeId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(i => i.Timeline).WithOne().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(i => i.Timeline).HasField("_timeline");
        });
        b.Entity<IncidentEntry>(e =>
        {
            e.HasKey(t => new { t.IncidentId, t.Number });
            e.Property(t => t.Action).HasConversion<string>().HasMaxLength(14);
            e.Property(t => t.Text).HasMaxLength(IncidentErrors.MaxText);
        });
    }
}
