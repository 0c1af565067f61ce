using Huodong.Web.Budget;
using Huodong.Web.Data;
using Huodong.Web.Evaluation.Comparison;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Reports;

public sealed record OverviewActivity(Guid Id, string Title, ActivityStatus Status, DateTimeOffset EndsAt, string Month,
    int Participants, double? ParticipationRate, double? Csat, double? Nps, decimal ActualCost);

/// <summary>One month (China time, <c>yyyy-MM</c>): averages are over the activities that have the figure.</summary>
public sealed record OverviewMonth(string Month, int Activities, int Participants, double? ParticipationRate, double? Csat,
    double? Nps, decimal Spend);

public sealed record OverviewView(DateTimeOffset From, DateTimeOffset To, IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyList<OverviewMonth> Months, IReadOnlyList<OverviewActivity> Activities);

/// <summary>
/// V2.1, the community overview (<c>GET /api/overview</c>, <c>/console/overview</c>): activities by state, and per
/// month over the last <see cref="Months"/> months the participation, satisfaction and spend. Counts and spend are
/// aggregated in SQL; the per-activity figures of the activities that ran come from <see cref="CachedMetrics"/>
/// (Closed ones from their snapshot), by the month each ended in. Spend is by the month the money was spent
/// (approved and paid expenses), which may differ from the month the activity ended.
/// </summary>
public sealed class CommunityOverview(HuodongDb db, CachedMetrics metrics, TimeProvider time)
{
    public const int Months = 12;

    private static readonly ActivityStatus[] Ran = [ActivityStatus.Ended, ActivityStatus.ResultsPublished, ActivityStatus.Closed];

    public async Task<Result<OverviewView>> ForAsync(Actor actor, CancellationToken ct)
    {
        if (!OverviewPermissions.CanSee(actor)) return Error.Forbidden;
        var now = Display.InChina(time.GetUtcNow());
        // In UTC: PostgreSQL takes only UTC instants as parameters.
        var firstMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, Display.ChinaOffset).AddMonths(-(Months - 1)).ToUniversalTime();

        var byStatus = (await db.Activities.AsNoTracking().GroupBy(a => a.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Status.ToString(), x => x.Count);
        foreach (var s in Enum.GetNames<ActivityStatus>()) byStatus.TryAdd(s, 0);

        var ran = await db.Activities.AsNoTracking()
            .Where(a => Ran.Contains(a.Status) && a.EndsAt != null && a.EndsAt >= firstMonth && a.EndsAt <= time.GetUtcNow())
            .OrderBy(a => a.EndsAt).Select(a => new { a.Id, a.Title, a.Status, EndsAt = a.EndsAt!.Value }).ToListAsync(ct);
        var figures = await metrics.ForAsync(ran.Select(a => (a.Id, a.Status)).ToList(), ct);
        var activities = ran.Where(a => figures.ContainsKey(a.Id)).Select(a =>
        {
            var m = figures[a.Id];
            return new OverviewActivity(a.Id, a.Title, a.Status, a.EndsAt, MonthOf(a.EndsAt), m.Participants, m.ParticipationRate,
                m.Satisfaction.Csat, m.Satisfaction.Nps, m.Cost.Actual);
        }).ToList();

        var fromDay = DateOnly.FromDateTime(Display.InChina(firstMonth).DateTime);
        var spend = (await db.Set<Expense>().AsNoTracking()
                .Where(e => (e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid) && e.SpentOn >= fromDay)
                .GroupBy(e => new { e.SpentOn.Year, e.SpentOn.Month })
                .Select(g => new { g.Key.Year, g.Key.Month, Fen = g.Sum(e => e.AmountFen) }).ToListAsync(ct))
            .ToDictionary(x => $"{x.Year:0000}-{x.Month:00}", x => Money.ToYuan(x.Fen));

        var months = Enumerable.Range(0, Months).Select(i => MonthOf(Display.InChina(firstMonth).AddMonths(i))).Select(month =>
        {
            var those = activities.Where(a => a.Month == month).ToList();
            return new OverviewMonth(month, those.Count, those.Sum(a => a.Participants), Average(those.Select(a => a.ParticipationRate)),
                Average(those.Select(a => a.Csat)), Average(those.Select(a => a.Nps)), spend.GetValueOrDefault(month));
        }).ToList();
        return new OverviewView(firstMonth, time.GetUtcNow(), byStatus, months, activities);
    }

    public static string MonthOf(DateTimeOffset at)
    {
        var t = Display.InChina(at);
        return $"{t.Year:0000}-{t.Month:00}";
    }

    private static double? Average(IEnumerable<double?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : Math.Round(present.Average(), 6);
    }
}
