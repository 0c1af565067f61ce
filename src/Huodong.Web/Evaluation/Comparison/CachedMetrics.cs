using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Comparison;

/// <summary>
/// Metrics of many activities at once for comparisons and the overview: Closed ones from their
/// <see cref="MetricSnapshot"/> (one query for all), written the first time one is computed after its close and the
/// end of its last effect window; the others computed live by <see cref="IActivityMetrics"/>.
/// </summary>
public sealed class CachedMetrics(HuodongDb db, IActivityMetrics metrics, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<Guid, ActivityMetrics>> ForAsync(
        IReadOnlyCollection<(Guid Id, ActivityStatus Status)> activities, CancellationToken ct)
    {
        var closed = activities.Where(a => a.Status == ActivityStatus.Closed).Select(a => a.Id).ToList();
        var snapshots = closed.Count == 0 ? []
            : await db.Set<MetricSnapshot>().AsNoTracking().Where(s => closed.Contains(s.ActivityId)).ToListAsync(ct);
        var result = new Dictionary<Guid, ActivityMetrics>();
        foreach (var s in snapshots)
            if (s.Metrics is { } m) result[s.ActivityId] = m;

        var written = false;
        foreach (var (id, status) in activities)
        {
            if (result.ContainsKey(id)) continue;
            if (await metrics.ForAsync(id, ct) is not { } m) continue;
            result[id] = m;
            if (status == ActivityStatus.Closed && await IsFinalAsync(id, ct))
            {
                db.Add(new MetricSnapshot(m, time.GetUtcNow()));
                written = true;
            }
        }
        if (written) await SaveQuietlyAsync(ct);
        return result;
    }

    /// <summary>
    /// A closed activity's figures are final once its last effect window (30 days after the end) has closed too;
    /// before that its retention is still to come, so it is computed live like any other.
    /// </summary>
    private async Task<bool> IsFinalAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Activities.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.StartsAt, x.EndsAt }).SingleAsync(ct);
        return Metrics.EffectCalculator.ClosedBy(a.StartsAt, a.EndsAt, time.GetUtcNow()) == Metrics.EffectWindows.Month;
    }

    /// <summary>Two readers may compute the same closed activity at once; the second's insert is simply not needed.</summary>
    private async Task SaveQuietlyAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            foreach (var e in db.ChangeTracker.Entries<MetricSnapshot>().ToList()) e.State = EntityState.Detached;
        }
    }
}
