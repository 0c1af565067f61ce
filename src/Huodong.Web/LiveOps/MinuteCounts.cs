using Huodong.Web.Data;
using Huodong.Web.Participation;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.LiveOps;

/// <summary>
/// Events per minute for the live monitor's chart: one GROUP BY over <c>ActivityEvents</c>, filtered on the
/// (ActivityId, Kind, At) index by the activity, the charted kinds and a half-open time range. Each row is
/// (kind, minute index from the window's start, count); both providers compute the same index: SQLite from the UTC
/// ticks it stores times as (<see cref="SqliteDb"/>), PostgreSQL from the timestamptz difference in seconds.
/// </summary>
public static class MinuteCounts
{
    public static readonly ActivityEventKind[] Charted =
        [ActivityEventKind.Registered, ActivityEventKind.Submitted, ActivityEventKind.Commented, ActivityEventKind.Questioned,
            ActivityEventKind.Error];

    public sealed class Row
    {
        public string Kind { get; set; } = "";
        public int Minute { get; set; }
        public int Count { get; set; }
    }

    /// <summary>Counts of <see cref="Charted"/> events per kind and minute in [<paramref name="from"/>, from + minutes).</summary>
    public static async Task<Dictionary<ActivityEventKind, int[]>> ForAsync(HuodongDb db, Guid activityId,
        DateTimeOffset from, int minutes, CancellationToken ct)
    {
        var to = from.AddMinutes(minutes);
        var k = Charted.Select(c => c.ToString()).ToArray();
        List<Row> rows;
        if (db.Database.IsNpgsql())
            rows = await db.Database.SqlQuery<Row>($"""
                SELECT "Kind", floor(extract(epoch FROM ("At" - {from})) / 60)::int AS "Minute", count(*)::int AS "Count"
                FROM "ActivityEvents"
                WHERE "ActivityId" = {activityId} AND "Kind" IN ({k[0]}, {k[1]}, {k[2]}, {k[3]}, {k[4]}) AND "At" >= {from} AND "At" < {to}
                GROUP BY 1, 2
                """).ToListAsync(ct);
        else
        {
            // SQLite keeps Guids as upper-case text and times as UTC ticks (600,000,000 ticks a minute).
            var id = activityId.ToString().ToUpperInvariant();
            long f = from.UtcTicks, t = to.UtcTicks;
            rows = await db.Database.SqlQuery<Row>($"""
                SELECT "Kind", ("At" - {f}) / 600000000 AS "Minute", count(*) AS "Count"
                FROM "ActivityEvents"
                WHERE "ActivityId" = {id} AND "Kind" IN ({k[0]}, {k[1]}, {k[2]}, {k[3]}, {k[4]}) AND "At" >= {f} AND "At" < {t}
                GROUP BY "Kind", ("At" - {f}) / 600000000
                """).ToListAsync(ct);
        }
        var series = Charted.ToDictionary(c => c, _ => new int[minutes]);
        foreach (var r in rows)
            if (Enum.TryParse<ActivityEventKind>(r.Kind, out var kind) && series.TryGetValue(kind, out var s) && r.Minute >= 0 && r.Minute < minutes)
                s[r.Minute] += r.Count;
        return series;
    }
}
