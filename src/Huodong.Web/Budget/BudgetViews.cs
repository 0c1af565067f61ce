using Huodong.Web.Planning;

namespace Huodong.Web.Budget;

/// <summary>One line of the budget as it stands: approved, committed by non-rejected expenses, actual (approved and paid).</summary>
public sealed record BudgetLineView(BudgetCategory Category, decimal Approved, decimal Committed, decimal Actual, decimal Remaining, int Version);

public sealed record BudgetRevisionView(BudgetCategory Category, int Version, BudgetRevisionKind Kind, decimal Amount, string? Reason,
    Guid? AdjustmentId, string By, DateTimeOffset At);

public sealed record AdjustmentView(Guid Id, Guid ActivityId, BudgetCategory Category, decimal From, decimal To, string Reason,
    AdjustmentStatus Status, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment)
{
    public static AdjustmentView Of(BudgetAdjustment a, IReadOnlyDictionary<Guid, string> names) => new(a.Id, a.ActivityId, a.Category,
        Money.ToYuan(a.FromFen), Money.ToYuan(a.ToFen), a.Reason, a.Status, names.GetValueOrDefault(a.RequestedById, "?"), a.RequestedAt,
        a.DecidedById is { } d ? names.GetValueOrDefault(d, "?") : null, a.DecidedAt, a.DecisionComment);
}

/// <summary>B1.1/A2.4: the rewards line against the plan's rewards (quantity × unit value).</summary>
public sealed record RewardsCheck(decimal RewardsValue, decimal RewardsLine)
{
    public bool Matches => RewardsValue == RewardsLine;

    public static RewardsCheck Of(Plan plan) => new(
        plan.Rewards.Sum(r => r.Quantity * r.UnitValue),
        plan.Budget.Where(l => l.Category == BudgetCategory.Rewards).Sum(l => l.Amount));
}

public sealed record BudgetView(Guid ActivityId, string Title, ActivityStatus Status, IReadOnlyList<BudgetLineView> Lines,
    decimal Approved, decimal Committed, decimal Actual, RewardsCheck Rewards, IReadOnlyList<AdjustmentView> Adjustments,
    IReadOnlyList<BudgetRevisionView> Revisions, bool Settled);

public sealed record VoucherView(Guid Id, string FileName, string ContentType, int Size, string Sha256, DateTimeOffset UploadedAt,
    IReadOnlyList<Guid> AlsoOnExpenses)
{
    public bool Duplicate => AlsoOnExpenses.Count > 0;
}

public sealed record ExpenseView(Guid Id, Guid ActivityId, string ActivityTitle, BudgetCategory Category, decimal Amount, string Payee,
    DateOnly SpentOn, string Purpose, ExpenseStatus Status, string CreatedBy, DateTimeOffset CreatedAt, string? SubmittedBy,
    DateTimeOffset? SubmittedAt, string? FinanceBy, DateTimeOffset? FinanceAt, string? LeaderBy, DateTimeOffset? LeaderAt,
    string? DecisionReason, string? PaymentReference, DateTimeOffset? PaidAt, bool NeedsLeader, IReadOnlyList<VoucherView> Vouchers)
{
    public bool DuplicateVoucher => Vouchers.Any(v => v.Duplicate);
}

public sealed record SettlementView(Guid ActivityId, string Title, bool Settled, IReadOnlyList<SettlementLine> Lines, decimal Budget,
    decimal Actual, string? Summary, string? SettledBy, DateTimeOffset? SettledAt, int PendingExpenses)
{
    public decimal Variance => Actual - Budget;
}
