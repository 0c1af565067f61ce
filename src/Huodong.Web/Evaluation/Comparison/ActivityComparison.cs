using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Comparison;

public sealed record PeerView(Guid Id, string Title, DateTimeOffset EndsAt, ActivityMetrics? Metrics);

/// <summary>
/// One metric against the peers. <c>Delta</c> = value − peer average. <c>Better</c>: whether the value beats the
/// peer average in the metric's direction (<see cref="MetricKeys.HigherIsBetter"/>); null when either side has no
/// value, and null when they are equal (neither better nor worse).
/// </summary>
public sealed record ComparisonRow(string Metric, double? Value, double? PeerAverage, double? PeerMedian, double? Delta,
    bool? Better, int PeerCount, bool HigherIsBetter);

public sealed record TrendPoint(Guid Id, string Title, DateTimeOffset? EndsAt, bool Current, IReadOnlyDictionary<string, double?> Values);

public sealed record ComparisonView(Guid ActivityId, ActivityFormat? Format, DateTimeOffset PeersEndedBefore,
    ActivityMetrics Metrics, IReadOnlyList<PeerView> Peers, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<TrendPoint> Trend);

/// <summary>V2.4: an activity's metrics against those of earlier similar activities (<see cref="Peers"/>), and the trend.</summary>
public sealed class ActivityComparison(HuodongDb db, ActivityQueries activities, IActivityMetrics metrics, CachedMetrics cache, TimeProvider time)
{
    public async Task<Result<ComparisonView>> ForAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var found = await activities.GetAsync(actor, id, ct);
        if (!found.IsOk) return found.Error!;
        var a = found.Value!;
        if (!EvaluationPermissions.CanSee(actor, a)) return Error.Forbidden;
        if (await metrics.ForAsync(id, ct) is not { } own) return ActivityErrors.NotFound;
        return await CompareAsync(a, own, ct);
    }

    public async Task<ComparisonView> CompareAsync(Activity a, ActivityMetrics own, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var peers = await Peers.OfAsync(db, a, now, ct);
        var peerMetrics = await cache.ForAsync(peers.Select(p => (p.Id, p.Status)).ToList(), ct);
        var rows = MetricKeys.All.Select(key => Row(key, MetricKeys.ValueOf(own, key),
            peers.Select(p => peerMetrics.GetValueOrDefault(p.Id) is { } m ? MetricKeys.ValueOf(m, key) : null))).ToList();
        var trend = peers.Select(p => new TrendPoint(p.Id, p.Title, p.EndsAt, false, Values(peerMetrics.GetValueOrDefault(p.Id))))
            .Append(new TrendPoint(a.Id, a.Title, a.EndsAt, true, Values(own))).ToList();
        return new ComparisonView(a.Id, a.Format, Peers.ReferenceOf(a, now), own,
            peers.Select(p => new PeerView(p.Id, p.Title, p.EndsAt, peerMetrics.GetValueOrDefault(p.Id))).ToList(), rows, trend);
    }

    public static ComparisonRow Row(string key, double? value, IEnumerable<double?> peerValues)
    {
        var values = peerValues.Where(v => v is not null).Select(v => v!.Value).OrderBy(v => v).ToList();
        double? average = values.Count == 0 ? null : values.Average();
        double? median = values.Count == 0 ? null
            : values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
        var higher = MetricKeys.HigherIsBetter(key);
        double? delta = value is { } v && average is { } avg ? Math.Round(v - avg, 6) : null;
        bool? better = delta is null || delta == 0 ? null : higher ? delta > 0 : delta < 0;
        return new ComparisonRow(key, value, Round(average), Round(median), delta, better, values.Count, higher);
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 6) : null;

    private static IReadOnlyDictionary<string, double?> Values(ActivityMetrics? m) =>
        MetricKeys.All.ToDictionary(k => k, k => m is null ? null : MetricKeys.ValueOf(m, k));
}
