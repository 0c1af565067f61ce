using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Budget;

public enum ExpenseStatus { Draft, Submitted, AwaitingLeader, Approved, Rejected, Paid }

/// <summary>
/// Money spent against an approved budget line (B2.1) and its reimbursement (B2.2): recorded as a Draft with one or
/// more vouchers, submitted, decided by Finance (and by the Leader above the threshold), then paid. The person who
/// recorded or submitted it never decides it (segregation of duties).
/// </summary>
public sealed class Expense
{
    private Expense() { }

    public Expense(Guid activityId, BudgetCategory category, long amountFen, string payee, DateOnly spentOn, string purpose,
        Guid createdById, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        Category = category;
        AmountFen = amountFen;
        Payee = payee;
        SpentOn = spentOn;
        Purpose = purpose;
        CreatedById = createdById;
        CreatedAt = at;
        UpdatedAt = at;
        Status = ExpenseStatus.Draft;
    }

    public const int MaxPayee = 200;
    public const int MaxPurpose = 2000;
    public const int MaxReason = 2000;
    public const int MaxReference = 100;

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public BudgetCategory Category { get; private set; }
    public long AmountFen { get; private set; }
    public decimal Amount => Money.ToYuan(AmountFen);
    public string Payee { get; private set; } = "";
    public DateOnly SpentOn { get; private set; }
    public string Purpose { get; private set; } = "";
    public ExpenseStatus Status { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? SubmittedById { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? FinanceById { get; private set; }
    public DateTimeOffset? FinanceAt { get; private set; }
    public Guid? LeaderById { get; private set; }
    public DateTimeOffset? LeaderAt { get; private set; }
    /// <summary>The approver's note, or the reason for a rejection.</summary>
    public string? DecisionReason { get; private set; }
    public string? PaymentReference { get; private set; }
    public Guid? PaidById { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public int Revision { get; private set; }

    /// <summary>Approved or paid: what the activity actually cost (B2.3, V1.4).</summary>
    public bool IsActual => Status is ExpenseStatus.Approved or ExpenseStatus.Paid;
    /// <summary>Still on its way to a decision: settlement waits for it.</summary>
    public bool IsPending => Status is ExpenseStatus.Draft or ExpenseStatus.Submitted or ExpenseStatus.AwaitingLeader;

    public bool IsOwnedBy(Guid userId) => CreatedById == userId || SubmittedById == userId;

    public Result Submit(Guid actorId, int vouchers, DateTimeOffset at)
    {
        if (Status != ExpenseStatus.Draft) return BudgetErrors.WrongExpenseState(Status);
        if (vouchers == 0) return BudgetErrors.VoucherRequired;
        SubmittedById = actorId;
        SubmittedAt = at;
        return Move(ExpenseStatus.Submitted, at);
    }

    /// <summary>Finance's decision; an approval above <paramref name="leaderThresholdFen"/> goes on to the Leader.</summary>
    public Result DecideAsFinance(Guid actorId, bool approve, string? reason, long leaderThresholdFen, DateTimeOffset at)
    {
        if (Status != ExpenseStatus.Submitted) return BudgetErrors.WrongExpenseState(Status);
        if (IsOwnedBy(actorId)) return BudgetErrors.OwnExpense;
        if (CheckReason(approve, reason) is { } bad) return bad;
        FinanceById = actorId;
        FinanceAt = at;
        DecisionReason = reason?.Trim();
        return Move(!approve ? ExpenseStatus.Rejected
            : AmountFen > leaderThresholdFen ? ExpenseStatus.AwaitingLeader : ExpenseStatus.Approved, at);
    }

    public Result DecideAsLeader(Guid actorId, bool approve, string? reason, DateTimeOffset at)
    {
        if (Status != ExpenseStatus.AwaitingLeader) return BudgetErrors.WrongExpenseState(Status);
        if (IsOwnedBy(actorId)) return BudgetErrors.OwnExpense;
        if (CheckReason(approve, reason) is { } bad) return bad;
        LeaderById = actorId;
        LeaderAt = at;
        if (!string.IsNullOrWhiteSpace(reason)) DecisionReason = reason.Trim();
        return Move(approve ? ExpenseStatus.Approved : ExpenseStatus.Rejected, at);
    }

    public Result Pay(Guid actorId, string? reference, DateTimeOffset at)
    {
        if (Status != ExpenseStatus.Approved) return BudgetErrors.WrongExpenseState(Status);
        if (IsOwnedBy(actorId)) return BudgetErrors.OwnExpense;
        if (string.IsNullOrWhiteSpace(reference)) return Error.Field("reference", "Required.");
        if (reference.Trim().Length > MaxReference) return Error.Field("reference", "Too long.");
        PaymentReference = reference.Trim();
        PaidById = actorId;
        PaidAt = at;
        return Move(ExpenseStatus.Paid, at);
    }

    private static Error? CheckReason(bool approve, string? reason)
    {
        if (!approve && string.IsNullOrWhiteSpace(reason)) return Error.Field("reason", "A rejection needs a reason.");
        if (reason is not null && reason.Trim().Length > MaxReason) return Error.Field("reason", "Too long.");
        if (reason is not null && reason.Contains('\0')) return Error.Field("reason", "The value is not valid.");
        return null;
    }

    private Result Move(ExpenseStatus to, DateTimeOffset at)
    {
        Status = to;
        UpdatedAt = at;
        Revision++;
        return Result.Ok;
    }
}
