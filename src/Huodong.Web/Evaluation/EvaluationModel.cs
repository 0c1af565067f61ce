using Huodong.Web.Evaluation.Metrics;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation;

public static class EvaluationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<LaunchBaseline>(e =>
        {
            e.ToTable("LaunchBaselines");
            e.HasKey(x => x.ActivityId);
            e.HasOne<Activity>().WithOne().HasForeignKey<LaunchBaseline>(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<EffectSnapshot>(e =>
        {
            e.ToTable("EffectSnapshots");
            e.HasKey(x => x.ActivityId);
            e.Property(x => x.Through).HasConversion<string>().HasMaxLength(10);
            e.HasOne<Activity>().WithOne().HasForeignKey<EffectSnapshot>(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<GoalValue>(e =>
        {
            e.ToTable("GoalValues");
            e.HasKey(x => new { x.ActivityId, x.Name });
            e.Property(x => x.Name).HasMaxLength(GoalValue.MaxName);
            e.Property(x => x.Actual).HasPrecision(18, 4);
            e.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
