using System.Text.Json;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Comparison;

/// <summary>
/// The metrics of a Closed activity, computed once after the close and kept: nothing about a closed activity changes
/// any more (its results, awards and budget are settled), so comparisons and trends read ten or a hundred of them
/// from one table instead of recomputing each. Never invalidated; deleting the row recomputes it.
/// </summary>
public sealed class MetricSnapshot
{
    private MetricSnapshot() { }

    public MetricSnapshot(ActivityMetrics metrics, DateTimeOffset at)
    {
        ActivityId = metrics.ActivityId;
        Json = JsonSerializer.Serialize(metrics, Options);
        ComputedAt = at;
    }

    public Guid ActivityId { get; private set; }
    public string Json { get; private set; } = "{}";
    public DateTimeOffset ComputedAt { get; private set; }

    public ActivityMetrics? Metrics => JsonSerializer.Deserialize<ActivityMetrics>(Json, Options);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static void Configure(ModelBuilder b) => b.Entity<MetricSnapshot>(e =>
    {
        e.ToTable("MetricSnapshots");
        e.HasKey(s => s.ActivityId);
        e.Ignore(s => s.Metrics);
        e.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
    });
}
