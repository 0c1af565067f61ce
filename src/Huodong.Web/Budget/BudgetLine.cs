using Huodong.Web.Planning;

namespace Huodong.Web.Budget;

/// <summary>
/// The spendable state of one category of an activity's budget: the approved amount (from the approved plan, then
/// from approved adjustments) and what non-rejected expenses have committed against it. Both change only through
/// conditional UPDATEs (<see cref="BudgetLines"/>), so concurrent expenses cannot take the line over its amount.
/// </summary>
public sealed class BudgetAllocation
{
    private BudgetAllocation() { }

    public Guid ActivityId { get; private set; }
    public BudgetCategory Category { get; private set; }
    public long ApprovedFen { get; private set; }
    public long CommittedFen { get; private set; }
    /// <summary>The number of the line's latest <see cref="BudgetRevision"/>.</summary>
    public int Version { get; private set; }
}

public enum BudgetRevisionKind { Plan, Raised, Added, Lowered }

/// <summary>Every version of every line is kept (B1.2): the plan's amount, then each approved change.</summary>
public sealed class BudgetRevision
{
    private BudgetRevision() { }

    public BudgetRevision(Guid activityId, BudgetCategory category, int version, BudgetRevisionKind kind, long amountFen,
        string? reason, Guid? adjustmentId, Guid byId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        Category = category;
        Version = version;
        Kind = kind;
        AmountFen = amountFen;
        Reason = reason;
        AdjustmentId = adjustmentId;
        ById = byId;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public BudgetCategory Category { get; private set; }
    public int Version { get; private set; }
    public BudgetRevisionKind Kind { get; private set; }
    public long AmountFen { get; private set; }
    public string? Reason { get; private set; }
    public Guid? AdjustmentId { get; private set; }
    public Guid ById { get; private set; }
    public DateTimeOffset At { get; private set; }
}
