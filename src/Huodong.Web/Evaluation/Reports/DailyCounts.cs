using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Reports;

/// <summary>
/// The report's event timeline: events per kind and China-time day, one GROUP BY over <c>ActivityEvents</c> on its
/// (ActivityId, Kind, At) index, computed the same way on both providers as <see cref="LiveOps.MinuteCounts"/>
/// does per minute (SQLite from UTC ticks, PostgreSQL from the timestamptz difference).
/// </summary>
public static class DailyCounts
{
    public const int MaxDays = 120;

    public static readonly ActivityEventKind[] Charted =
        [ActivityEventKind.PageView, ActivityEventKind.Registered, ActivityEventKind.Submitted, ActivityEventKind.Commented,
            ActivityEventKind.Questioned, ActivityEventKind.Answered, ActivityEventKind.Liked];

    public sealed class Row
    {
        public string Kind { get; set; } = "";
        public int Day { get; set; }
        public int Count { get; set; }
    }

    public sealed record Series(IReadOnlyList<string> Days, IReadOnlyDictionary<string, int[]> Counts);

    /// <summary>Days from the China-time midnight on or before <paramref name="from"/> through <paramref name="to"/>, at most <see cref="MaxDays"/>.</summary>
    public static async Task<Series> ForAsync(HuodongDb db, Guid activityId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var local = Display.InChina(from);
        var start = new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, Display.ChinaOffset).ToUniversalTime();
        var days = Math.Clamp((int)Math.Ceiling((to - start).TotalDays), 1, MaxDays);
        var end = start.AddDays(days);
        var k = Charted.Select(c => c.ToString()).ToArray();
        List<Row> rows;
        if (db.Database.IsNpgsql())
            rows = await db.Database.SqlQuery<Row>($"""
                SELECT "Kind", floor(extract(epoch FROM ("At" - {start})) / 86400)::int AS "Day", count(*)::int AS "Count"
                FROM "ActivityEvents"
                WHERE "ActivityId" = {activityId} AND "Kind" IN ({k[0]}, {k[1]}, {k[2]}, {k[3]}, {k[4]}, {k[5]}, {k[6]})
                  AND "At" >= {start} AND "At" < {end}
                GROUP BY 1, 2
                """).ToListAsync(ct);
        else
        {
            var id = activityId.ToString().ToUpperInvariant();
            long f = start.UtcTicks, t = end.UtcTicks;
            rows = await db.Database.SqlQuery<Row>($"""
                SELECT "Kind", ("At" - {f}) / {TimeSpan.TicksPerDay} AS "Day", count(*) AS "Count"
                FROM "ActivityEvents"
                WHERE "ActivityId" = {id} AND "Kind" IN ({k[0]}, {k[1]}, {k[2]}, {k[3]}, {k[4]}, {k[5]}, {k[6]})
                  AND "At" >= {f} AND "At" < {t}
                GROUP BY "Kind", ("At" - {f}) / {TimeSpan.TicksPerDay}
                """).ToListAsync(ct);
        }
        var counts = Charted.ToDictionary(c => c.ToString(), _ => new int[days]);
        foreach (var r in rows)
            if (counts.TryGetValue(r.Kind, out var s) && r.Day >= 0 && r.Day < days) s[r.Day] += r.Count;
        var labels = Enumerable.Range(0, days).Select(i => Display.InChina(start.AddDays(i)).ToString("yyyy-MM-dd")).ToList();
        return new Series(labels, counts);
    }

    /// <summary>Totals of page views and registrations, for the funnel.</summary>
    public static async Task<(int PageViews, int Registrations)> FunnelAsync(HuodongDb db, Guid activityId, CancellationToken ct)
    {
        var totals = await db.ActivityEvents.AsNoTracking()
            .Where(e => e.ActivityId == activityId && (e.Kind == ActivityEventKind.PageView || e.Kind == ActivityEventKind.Registered))
            .GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return (totals.FirstOrDefault(t => t.Key == ActivityEventKind.PageView)?.Count ?? 0,
            totals.FirstOrDefault(t => t.Key == ActivityEventKind.Registered)?.Count ?? 0);
    }
}
