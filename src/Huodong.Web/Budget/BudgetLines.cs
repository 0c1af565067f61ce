using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Budget;

/// <summary>
/// The budget lines' counters, changed only by single conditional statements that hold under concurrency on SQLite
/// and PostgreSQL alike, across instances (the same approach as <c>Participation.Seats</c>). Callers run these
/// inside their transaction.
/// </summary>
public static class BudgetLines
{
    /// <summary>
    /// Opens the lines of an approved activity from its approved plan (one per category, amounts summed) the first time
    /// money is recorded against it; each opening is version 1 of its line and is audited. A concurrent opening loses
    /// the INSERT quietly and writes nothing.
    /// </summary>
    public static async Task EnsureAsync(HuodongDb db, AuditLog audit, Activity activity, Guid actorId, DateTimeOffset at, CancellationToken ct)
    {
        if (await db.Set<BudgetAllocation>().AnyAsync(l => l.ActivityId == activity.Id, ct)) return;
        var lines = (activity.ApprovedPlan?.Budget ?? []).GroupBy(l => l.Category)
            .Select(g => (Category: g.Key, Fen: Money.ToFen(g.Sum(l => l.Amount))));
        foreach (var (category, fen) in lines)
        {
            var inserted = await InsertAsync(db, activity.Id, category, fen, ct);
            if (inserted == 0) continue;
            db.Set<BudgetRevision>().Add(new BudgetRevision(activity.Id, category, 1, BudgetRevisionKind.Plan, fen,
                $"plan v{activity.ApprovedVersion}", null, actorId, at));
            await audit.AppendAsync(actorId, "budget.line.opened", "activity", activity.Id.ToString(),
                new { category = category.ToString(), amount = Money.ToYuan(fen), planVersion = activity.ApprovedVersion }, ct);
        }
    }

    private static Task<int> InsertAsync(HuodongDb db, Guid activityId, BudgetCategory category, long fen, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "BudgetAllocations" ("ActivityId", "Category", "ApprovedFen", "CommittedFen", "Version")
            VALUES ({activityId}, {category.ToString()}, {fen}, 0, 1)
            ON CONFLICT ("ActivityId", "Category") DO NOTHING
            """, ct);

    /// <summary>Commits <paramref name="fen"/> against the line if it stays within the approved amount; false otherwise.</summary>
    public static async Task<bool> TryCommitAsync(HuodongDb db, Guid activityId, BudgetCategory category, long fen, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "BudgetAllocations" SET "CommittedFen" = "CommittedFen" + {fen}
            WHERE "ActivityId" = {activityId} AND "Category" = {category.ToString()} AND "CommittedFen" + {fen} <= "ApprovedFen"
            """, ct) == 1;

    /// <summary>Gives back what a rejected expense had committed.</summary>
    public static Task ReleaseAsync(HuodongDb db, Guid activityId, BudgetCategory category, long fen, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "BudgetAllocations" SET "CommittedFen" = "CommittedFen" - {fen}
            WHERE "ActivityId" = {activityId} AND "Category" = {category.ToString()} AND "CommittedFen" >= {fen}
            """, ct);

    /// <summary>
    /// Sets the line's approved amount (an approved raise, or a lowering that stays at or above what is committed);
    /// adds the line when it does not exist. Returns the new version, or null when the lowering would go below the
    /// committed amount.
    /// </summary>
    public static async Task<int?> SetApprovedAsync(HuodongDb db, Guid activityId, BudgetCategory category, long fen, CancellationToken ct)
    {
        if (await InsertAsync(db, activityId, category, fen, ct) == 1) return 1;
        var versions = await db.Database.SqlQuery<int>($"""
            UPDATE "BudgetAllocations" SET "ApprovedFen" = {fen}, "Version" = "Version" + 1
            WHERE "ActivityId" = {activityId} AND "Category" = {category.ToString()} AND "CommittedFen" <= {fen}
            RETURNING "Version" AS "Value"
            """).ToListAsync(ct);
        return versions.Count == 1 ? versions[0] : null;
    }
}
