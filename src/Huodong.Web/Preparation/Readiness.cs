using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation;

/// <summary>
/// The readiness gate (DESIGN.md: Approved → Live "only when the readiness gate holds"): reads what the gate needs
/// from the database and the promotion feature, and lets <see cref="ReadinessRules"/> decide.
/// </summary>
public sealed class Readiness(HuodongDb db, IPromotionStatus promotion)
{
    public async Task<ReadinessVerdict> EvaluateAsync(Guid activityId, CancellationToken ct = default)
    {
        var duties = await db.Duties.AsNoTracking().Where(d => d.ActivityId == activityId).ToListAsync(ct);
        var materials = await db.Materials.AsNoTracking().Where(m => m.ActivityId == activityId).ToListAsync(ct);
        var checks = await db.ReadinessChecks.AsNoTracking().Include(c => c.Probes).Include(c => c.Items)
            .Where(c => c.ActivityId == activityId).ToListAsync(ct);
        // Sorted here, not in SQL: SQLite cannot order by a DateTimeOffset column. The id (v7) breaks ties in time.
        var latest = checks.OrderByDescending(c => c.RanAt).ThenByDescending(c => c.Id).FirstOrDefault();
        return ReadinessRules.Evaluate(
            duties.OrderBy(d => d.From).ToList(), materials.OrderBy(m => m.Name).ToList(), latest,
            await promotion.OfAsync(activityId, ct));
    }

    /// <summary>The verdict for an activity the caller may see (staff only).</summary>
    public async Task<Result<ReadinessVerdict>> ForAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var found = await PreparationAccess.ForViewAsync(db, actor, activityId, ct);
        if (!found.IsOk) return found.Error!;
        return await EvaluateAsync(activityId, ct);
    }
}
