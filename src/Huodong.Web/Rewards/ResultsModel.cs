using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

/// <summary>The results tables: verifiable draws.</summary>
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
    }
}
