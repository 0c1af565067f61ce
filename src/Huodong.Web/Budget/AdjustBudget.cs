using Huodong.Web.Audit;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Budget;

public sealed record AdjustmentInput(string? Category, decimal? Amount, string? Reason);

/// <summary>
/// B1.2 after approval: the team asks to set a line to a new amount. Lowering (not below what is committed) is
/// applied at once; raising a line or adding a new one waits for the Leader, who approves or rejects it. Every applied
/// amount is a new <see cref="BudgetRevision"/> of the line, so every version is kept.
/// </summary>
public sealed class AdjustBudget(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public Task<Result<BudgetAdjustment>> RequestAsync(Actor actor, Guid activityId, AdjustmentInput input, CancellationToken ct) =>
        store.InTransactionAsync<BudgetAdjustment>(async () =>
        {
            var db = store.Db;
            var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
            if (activity is null || !BudgetPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (!BudgetPermissions.IsTeam(actor, activity)) return Error.Forbidden;
            if (Validate(input) is { } invalid) return invalid;
            if (!BudgetPermissions.IsSpendable(activity.Status)
                || await db.Set<Settlement>().AnyAsync(s => s.ActivityId == activityId, ct)) return BudgetErrors.NotSpendable;

            var at = time.UtcNow();
            await BudgetLines.EnsureAsync(db, audit, activity, actor.Id, at, ct);
            var category = Enum.Parse<BudgetCategory>(input.Category!, ignoreCase: true);
            var to = Money.ToFen(input.Amount!.Value);
            var line = await db.Set<BudgetAllocation>().AsNoTracking()
                .FirstOrDefaultAsync(l => l.ActivityId == activityId && l.Category == category, ct);
            var from = line?.ApprovedFen ?? 0;
            if (to == from && line is not null) return BudgetErrors.NoChange;
            if (await db.Set<BudgetAdjustment>().AnyAsync(a => a.ActivityId == activityId && a.Category == category
                    && a.Status == AdjustmentStatus.Pending, ct)) return BudgetErrors.AdjustmentPending;

            var adjustment = new BudgetAdjustment(activityId, category, from, to, input.Reason!.Trim(), actor.Id, at);
            db.Set<BudgetAdjustment>().Add(adjustment);
            if (line is not null && to < from)
            {
                // Lowering needs no approval (B1.2 asks approval to spend, not to spend less).
                adjustment.ApplyWithoutApproval(at);
                var version = await BudgetLines.SetApprovedAsync(db, activityId, category, to, ct);
                if (version is null) return BudgetErrors.BelowCommitted;
                db.Set<BudgetRevision>().Add(new BudgetRevision(activityId, category, version.Value, BudgetRevisionKind.Lowered,
                    to, adjustment.Reason, adjustment.Id, actor.Id, at));
                await audit.AppendAsync(actor.Id, "budget.line.lowered", "activity", activityId.ToString(),
                    new { adjustmentId = adjustment.Id, category = category.ToString(), from = Money.ToYuan(from), to = input.Amount, version, adjustment.Reason }, ct);
                return adjustment;
            }
            await audit.AppendAsync(actor.Id, "budget.adjustment.requested", "activity", activityId.ToString(),
                new { adjustmentId = adjustment.Id, category = category.ToString(), from = Money.ToYuan(from), to = input.Amount, adjustment.Reason, added = line is null }, ct);
            return adjustment;
        }, ct);

    public Task<Result<BudgetAdjustment>> DecideAsync(Actor actor, Guid adjustmentId, DecisionInput input, CancellationToken ct) =>
        store.InTransactionAsync<BudgetAdjustment>(async () =>
        {
            var db = store.Db;
            var adjustment = await db.Set<BudgetAdjustment>().FirstOrDefaultAsync(a => a.Id == adjustmentId, ct);
            if (adjustment is null) return BudgetErrors.AdjustmentNotFound;
            var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstAsync(a => a.Id == adjustment.ActivityId, ct);
            if (!BudgetPermissions.CanSee(actor, activity)) return BudgetErrors.AdjustmentNotFound;
            if (!BudgetPermissions.IsLeader(actor)) return Error.Forbidden;
            if (DecideExpense.ParseDecision(input.Decision) is not { } approve) return Error.Field("decision", "Choose approve or reject.");
            if (activity.IsOnTeam(actor.Id)) return BudgetErrors.OwnAdjustment;
            var at = time.UtcNow();
            var decided = adjustment.Decide(actor.Id, approve, input.Reason, at);
            if (!decided.IsOk) return decided.Error!;

            int? version = null;
            if (approve)
            {
                version = await BudgetLines.SetApprovedAsync(db, adjustment.ActivityId, adjustment.Category, adjustment.ToFen, ct);
                if (version is null) return BudgetErrors.BelowCommitted;
                db.Set<BudgetRevision>().Add(new BudgetRevision(adjustment.ActivityId, adjustment.Category, version.Value,
                    adjustment.FromFen == 0 ? BudgetRevisionKind.Added : BudgetRevisionKind.Raised, adjustment.ToFen,
                    adjustment.Reason, adjustment.Id, actor.Id, at));
            }
            await audit.AppendAsync(actor.Id, approve ? "budget.adjustment.approved" : "budget.adjustment.rejected", "activity",
                adjustment.ActivityId.ToString(), new
                {
                    adjustmentId = adjustment.Id, category = adjustment.Category.ToString(), from = Money.ToYuan(adjustment.FromFen),
                    to = Money.ToYuan(adjustment.ToFen), version, comment = adjustment.DecisionComment,
                }, ct);
            return adjustment;
        }, ct);

    private static Error? Validate(AdjustmentInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Category)) errors["category"] = ["Required."];
        else if (!Enum.TryParse<BudgetCategory>(input.Category, ignoreCase: true, out _) || int.TryParse(input.Category, out _))
            errors["category"] = ["Choose one of the budget categories."];
        if (Money.Invalid(input.Amount, allowZero: true) is { } amount) errors["amount"] = [amount];
        if (string.IsNullOrWhiteSpace(input.Reason)) errors["reason"] = ["Required."];
        else if (input.Reason.Trim().Length > Expense.MaxReason) errors["reason"] = ["Too long."];
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }
}
