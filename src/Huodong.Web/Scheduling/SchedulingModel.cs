using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Scheduling;

/// <summary>
/// What the scheduler keeps in the app's own tables. Quartz keeps its triggers in its QRTZ_ tables in the same
/// database, created by Quartz itself when it starts (see <see cref="SchedulingSetup"/>).
/// </summary>
public static class SchedulingModel
{
    public static void Configure(ModelBuilder b)
    {
        SchedulerAccount.Configure(b);
        b.Entity<Activity>().Property(a => a.LaunchHeldFor).HasMaxLength(500);
        b.Entity<ScheduledRun>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.RanBy).HasMaxLength(100);
            e.HasOne<Activity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
            // One run per activity, kind and due time, whatever fires it and however often: the database says no
            // to a second one, so a reminder is never sent twice even if two instances both try.
            e.HasIndex(r => new { r.ActivityId, r.Kind, r.DueAt }).IsUnique();
        });
    }
}
