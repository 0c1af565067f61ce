using Huodong.Web.Audit;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Budget;

public sealed record DecisionInput(string? Decision, string? Reason);
public sealed record PaymentInput(string? Reference);

/// <summary>
/// B2.2 reimbursement decisions: Finance approves or rejects a submitted expense with a reason; an approval above
/// <see cref="BudgetOptions.LeaderThreshold"/> waits for the Leader as well; Finance pays an approved one with a
/// payment reference. Whoever recorded or submitted an expense decides none of it (403 <c>own-expense</c>). A
/// rejection gives the amount back to the line in the same transaction.
/// </summary>
public sealed class DecideExpense(ActivityStore store, AuditLog audit, TimeProvider time, IOptions<BudgetOptions> options)
{
    public Task<Result<Expense>> DecideAsync(Actor actor, Guid expenseId, DecisionInput input, CancellationToken ct) =>
        store.InTransactionAsync<Expense>(async () =>
        {
            var (expense, refused) = await LoadAsync(actor, expenseId, ct);
            if (refused is not null) return refused;
            if (ParseDecision(input.Decision) is not { } approve) return Error.Field("decision", "Choose approve or reject.");

            var leaderStage = expense!.Status == ExpenseStatus.AwaitingLeader;
            if (leaderStage ? !BudgetPermissions.IsLeader(actor) : !BudgetPermissions.IsFinance(actor)) return Error.Forbidden;
            var at = time.UtcNow();
            var decided = leaderStage
                ? expense.DecideAsLeader(actor.Id, approve, input.Reason, at)
                : expense.DecideAsFinance(actor.Id, approve, input.Reason, Money.ToFen(options.Value.LeaderThreshold), at);
            if (!decided.IsOk) return decided.Error!;

            if (expense.Status == ExpenseStatus.Rejected)
                await BudgetLines.ReleaseAsync(store.Db, expense.ActivityId, expense.Category, expense.AmountFen, ct);
            var code = (leaderStage, expense.Status) switch
            {
                (_, ExpenseStatus.Rejected) => leaderStage ? "expense.rejected.leader" : "expense.rejected.finance",
                (false, ExpenseStatus.AwaitingLeader) => "expense.approved.finance.escalated",
                (false, _) => "expense.approved.finance",
                _ => "expense.approved.leader",
            };
            await audit.AppendAsync(actor.Id, code, "expense", expense.Id.ToString(),
                new { activityId = expense.ActivityId, amount = expense.Amount, status = expense.Status.ToString(), reason = input.Reason?.Trim() }, ct);
            return expense;
        }, ct);

    public Task<Result<Expense>> PayAsync(Actor actor, Guid expenseId, PaymentInput input, CancellationToken ct) =>
        store.InTransactionAsync<Expense>(async () =>
        {
            var (expense, refused) = await LoadAsync(actor, expenseId, ct);
            if (refused is not null) return refused;
            if (!BudgetPermissions.IsFinance(actor)) return Error.Forbidden;
            var paid = expense!.Pay(actor.Id, input.Reference, time.UtcNow());
            if (!paid.IsOk) return paid.Error!;
            await audit.AppendAsync(actor.Id, "expense.paid", "expense", expense.Id.ToString(),
                new { activityId = expense.ActivityId, amount = expense.Amount, reference = expense.PaymentReference }, ct);
            return expense;
        }, ct);

    private async Task<(Expense?, Error?)> LoadAsync(Actor actor, Guid expenseId, CancellationToken ct)
    {
        var db = store.Db;
        var expense = await db.Set<Expense>().FirstOrDefaultAsync(e => e.Id == expenseId, ct);
        if (expense is null) return (null, BudgetErrors.ExpenseNotFound);
        var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstAsync(a => a.Id == expense.ActivityId, ct);
        return BudgetPermissions.CanSee(actor, activity) ? (expense, null) : (null, BudgetErrors.ExpenseNotFound);
    }

    public static bool? ParseDecision(string? decision) => decision?.Trim().ToLowerInvariant() switch
    {
        "approve" => true,
        "reject" => false,
        _ => null,
    };
}
