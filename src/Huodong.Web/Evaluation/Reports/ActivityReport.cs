using Huodong.Web.Budget;
using Huodong.Web.Data;
using Huodong.Web.Evaluation.Comparison;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Reports;

public sealed record CostLine(BudgetCategory Category, decimal Budget, decimal Actual);

public sealed record ReportView(Activity Activity, ActivityMetrics Metrics, ComparisonView Comparison, int PageViews,
    int Registrations, DailyCounts.Series Timeline, IReadOnlyList<CostLine> Costs);

/// <summary>
/// Everything the per-activity report (<c>/console/activities/{id}/report</c>) shows: the metrics, the comparison
/// with earlier similar activities, the funnel, the daily timeline and cost against budget per category.
/// </summary>
public sealed class ActivityReport(HuodongDb db, ActivityQueries activities, IActivityMetrics metrics, ActivityComparison comparison,
    TimeProvider time)
{
    public async Task<Result<ReportView>> ForAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var found = await activities.GetAsync(actor, id, ct);
        if (!found.IsOk) return found.Error!;
        var a = found.Value!;
        if (!EvaluationPermissions.CanSee(actor, a)) return Error.Forbidden;
        if (await metrics.ForAsync(id, ct) is not { } m) return ActivityErrors.NotFound;
        var compared = await comparison.CompareAsync(a, m, ct);
        var (views, registrations) = await DailyCounts.FunnelAsync(db, id, ct);
        var now = time.GetUtcNow();
        var from = a.RegistrationOpensAt ?? a.StartsAt ?? a.CreatedAt;
        var to = a.EndsAt is { } end && end.AddDays(7) < now ? end.AddDays(7) : now;
        var timeline = await DailyCounts.ForAsync(db, id, from, to, ct);
        return new ReportView(a, m, compared, views, registrations, timeline, await CostsAsync(a, ct));
    }

    /// <summary>The approved budget per category (its lines once money was recorded, else the approved plan) against approved and paid expenses.</summary>
    private async Task<IReadOnlyList<CostLine>> CostsAsync(Activity a, CancellationToken ct)
    {
        var lines = await db.Set<BudgetAllocation>().AsNoTracking().Where(l => l.ActivityId == a.Id)
            .Select(l => new { l.Category, l.ApprovedFen }).ToListAsync(ct);
        var budget = lines.Count > 0 ? lines.ToDictionary(l => l.Category, l => Money.ToYuan(l.ApprovedFen))
            : (a.ApprovedPlan?.Budget ?? []).GroupBy(l => l.Category).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        var actual = (await db.Set<Expense>().AsNoTracking()
                .Where(e => e.ActivityId == a.Id && (e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid))
                .GroupBy(e => e.Category).Select(g => new { g.Key, Fen = g.Sum(e => e.AmountFen) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => Money.ToYuan(x.Fen));
        return budget.Keys.Union(actual.Keys).Order()
            .Select(c => new CostLine(c, budget.GetValueOrDefault(c), actual.GetValueOrDefault(c))).ToList();
    }
}
