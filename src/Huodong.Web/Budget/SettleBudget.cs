using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Budget;

public sealed record SettleInput(Dictionary<string, string?>? Explanations, string? Summary);

/// <summary>
/// B2.3: after the activity ends its team settles the budget — per line the approved amount against the actual spend
/// (approved and paid expenses), the variance, and an explanation for every line that has one. Settling needs every
/// expense decided. Closing the activity needs the settlement (<see cref="Activity.Close"/>).
/// </summary>
public sealed class SettleBudget(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public const int MaxExplanation = 2000;

    /// <summary>The lines as they would be settled now (or as they were, once settled).</summary>
    public static async Task<SettlementView> PreviewAsync(HuodongDb db, Activity activity, CancellationToken ct)
    {
        var saved = await db.Set<Settlement>().AsNoTracking().FirstOrDefaultAsync(s => s.ActivityId == activity.Id, ct);
        var pending = await db.Set<Expense>().CountAsync(e => e.ActivityId == activity.Id
            && (e.Status == ExpenseStatus.Draft || e.Status == ExpenseStatus.Submitted || e.Status == ExpenseStatus.AwaitingLeader), ct);
        if (saved is not null)
        {
            var by = await db.Users.Where(u => u.Id == saved.SettledById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            return new SettlementView(activity.Id, activity.Title, true, saved.Lines, Money.ToYuan(saved.BudgetFen),
                Money.ToYuan(saved.ActualFen), saved.Summary, by, saved.SettledAt, pending);
        }
        var lines = await LinesAsync(db, activity, null, ct);
        return new SettlementView(activity.Id, activity.Title, false, lines, lines.Sum(l => l.Budget), lines.Sum(l => l.Actual),
            null, null, null, pending);
    }

    private static async Task<List<SettlementLine>> LinesAsync(HuodongDb db, Activity activity,
        IReadOnlyDictionary<BudgetCategory, string>? explanations, CancellationToken ct)
    {
        var allocations = await db.Set<BudgetAllocation>().AsNoTracking().Where(l => l.ActivityId == activity.Id).ToListAsync(ct);
        var budget = allocations.Count > 0
            ? allocations.ToDictionary(l => l.Category, l => l.ApprovedFen)
            : (activity.ApprovedPlan?.Budget ?? []).GroupBy(l => l.Category).ToDictionary(g => g.Key, g => Money.ToFen(g.Sum(l => l.Amount)));
        var actual = await new BudgetQueries(db).ActualByCategoryAsync(activity.Id, ct);
        return budget.Keys.Union(actual.Keys).Order().Select(c => new SettlementLine(c, Money.ToYuan(budget.GetValueOrDefault(c)),
            Money.ToYuan(actual.GetValueOrDefault(c)), explanations?.GetValueOrDefault(c))).ToList();
    }

    public Task<Result<SettlementView>> SettleAsync(Actor actor, Guid activityId, SettleInput input, CancellationToken ct) =>
        store.InTransactionAsync<SettlementView>(async () =>
        {
            var db = store.Db;
            var activity = await store.FindAsync(activityId, ct); // locked: one settlement, and no close racing it
            if (activity is null || !BudgetPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (!BudgetPermissions.IsTeam(actor, activity)) return Error.Forbidden;
            if (!BudgetPermissions.IsSettleable(activity.Status)) return BudgetErrors.NotSettleable;
            if (await db.Set<Settlement>().AnyAsync(s => s.ActivityId == activityId, ct)) return BudgetErrors.AlreadySettled;
            if (await db.Set<Expense>().AnyAsync(e => e.ActivityId == activityId && (e.Status == ExpenseStatus.Draft
                    || e.Status == ExpenseStatus.Submitted || e.Status == ExpenseStatus.AwaitingLeader), ct)) return BudgetErrors.ExpensesPending;

            var at = time.UtcNow();
            await BudgetLines.EnsureAsync(db, audit, activity, actor.Id, at, ct);
            var explanations = new Dictionary<BudgetCategory, string>();
            var errors = new Dictionary<string, string[]>();
            foreach (var (key, text) in input.Explanations ?? [])
            {
                if (!Enum.TryParse<BudgetCategory>(key, ignoreCase: true, out var c) || int.TryParse(key, out _))
                    errors[$"explanations.{key}"] = ["Choose one of the budget categories."];
                else if (text?.Trim().Length > MaxExplanation) errors[$"explanations.{key}"] = ["Too long."];
                else if (!string.IsNullOrWhiteSpace(text)) explanations[c] = text.Trim();
            }
            var lines = await LinesAsync(db, activity, explanations, ct);
            foreach (var line in lines.Where(l => l.Variance != 0 && l.Explanation is null))
                errors[$"explanations.{line.Category}"] = ["Explain why this line differs from its budget."];
            if (input.Summary?.Trim().Length > MaxExplanation) errors["summary"] = ["Too long."];
            if (errors.Count > 0) return Error.Validation(errors);

            var settlement = new Settlement(activityId, lines, string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim(), actor.Id, at);
            db.Set<Settlement>().Add(settlement);
            await audit.AppendAsync(actor.Id, "budget.settled", "activity", activityId.ToString(), new
            {
                budget = Money.ToYuan(settlement.BudgetFen), actual = Money.ToYuan(settlement.ActualFen),
                lines = lines.Select(l => new { category = l.Category.ToString(), l.Budget, l.Actual, l.Variance, l.Explanation }),
            }, ct);
            var names = await db.Users.Where(u => u.Id == actor.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            return new SettlementView(activityId, activity.Title, true, lines, lines.Sum(l => l.Budget), lines.Sum(l => l.Actual),
                settlement.Summary, names, at, 0);
        }, ct);

    /// <summary>Ended/ResultsPublished → Closed, refused (422 <c>settlement-required</c>) until the budget is settled.</summary>
}
