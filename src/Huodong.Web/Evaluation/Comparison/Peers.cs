using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Comparison;

/// <summary>
/// V2.4 "earlier similar activities": the same format, ended before this one started (its planned start; before
/// now when it has no schedule yet), that actually ran (Ended, ResultsPublished or Closed — never the Cancelled or
/// Rejected), up to <see cref="Max"/>. Among the most recent <see cref="Pool"/> candidates, those sharing the theme
/// come first, then the most recent; the answer is in time order, oldest first, for the trend.
/// </summary>
public static class Peers
{
    public const int Max = 10;
    public const int Pool = 50;

    private static readonly ActivityStatus[] Ran = [ActivityStatus.Ended, ActivityStatus.ResultsPublished, ActivityStatus.Closed];

    public sealed record Peer(Guid Id, string Title, DateTimeOffset EndsAt, ActivityStatus Status);

    public static DateTimeOffset ReferenceOf(Activity a, DateTimeOffset now) => a.StartsAt ?? a.EndsAt ?? now;

    public static async Task<IReadOnlyList<Peer>> OfAsync(HuodongDb db, Activity a, DateTimeOffset now, CancellationToken ct)
    {
        if (a.Format is not { } format) return [];
        var before = ReferenceOf(a, now);
        var candidates = await db.Activities.AsNoTracking()
            .Where(p => p.Id != a.Id && p.Format == format && Ran.Contains(p.Status) && p.EndsAt != null && p.EndsAt < before)
            .OrderByDescending(p => p.EndsAt).Take(Pool)
            .Select(p => new { p.Id, p.Title, EndsAt = p.EndsAt!.Value, p.Status, p.ApprovedPlanJson })
            .ToListAsync(ct);
        var theme = Theme(a.ApprovedPlanJson ?? a.WorkingPlanJson);
        return candidates
            .OrderByDescending(p => theme is not null && Theme(p.ApprovedPlanJson) == theme)
            .ThenByDescending(p => p.EndsAt)
            .Take(Max)
            .OrderBy(p => p.EndsAt)
            .Select(p => new Peer(p.Id, p.Title, p.EndsAt, p.Status))
            .ToList();
    }

    private static string? Theme(string? planJson)
    {
        if (planJson is null) return null;
        var theme = Plan.FromJson(planJson).Theme?.Trim();
        return string.IsNullOrEmpty(theme) ? null : theme.ToLowerInvariant();
    }
}
