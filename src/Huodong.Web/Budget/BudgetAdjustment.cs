using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Budget;

public enum AdjustmentStatus { Pending, Approved, Rejected }

/// <summary>
/// A request to raise a line or add one (B1.2: the budget is approved before it is spent): the Leader approves or
/// rejects it. Lowering a line needs no approval and is applied at once (see <c>AdjustBudget</c>).
/// </summary>
public sealed class BudgetAdjustment
{
    private BudgetAdjustment() { }

    public BudgetAdjustment(Guid activityId, BudgetCategory category, long fromFen, long toFen, string reason, Guid byId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        Category = category;
        FromFen = fromFen;
        ToFen = toFen;
        Reason = reason;
        RequestedById = byId;
        RequestedAt = at;
        Status = AdjustmentStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public BudgetCategory Category { get; private set; }
    /// <summary>The line's amount when asked; 0 for a new line.</summary>
    public long FromFen { get; private set; }
    public long ToFen { get; private set; }
    public string Reason { get; private set; } = "";
    public AdjustmentStatus Status { get; private set; }
    public Guid RequestedById { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionComment { get; private set; }
    public int Revision { get; private set; }

    /// <summary>A lowering: in force at once, decided by nobody.</summary>
    public void ApplyWithoutApproval(DateTimeOffset at)
    {
        Status = AdjustmentStatus.Approved;
        DecidedAt = at;
        Revision++;
    }

    public bool IsLowering => Status == AdjustmentStatus.Approved && DecidedById is null;

    public Result Decide(Guid leaderId, bool approve, string? comment, DateTimeOffset at)
    {
        if (Status != AdjustmentStatus.Pending) return BudgetErrors.AdjustmentDecided;
        if (leaderId == RequestedById) return BudgetErrors.OwnAdjustment;
        if (!approve && string.IsNullOrWhiteSpace(comment)) return Error.Field("reason", "A rejection needs a reason.");
        if (comment is not null && comment.Trim().Length > Expense.MaxReason) return Error.Field("reason", "Too long.");
        Status = approve ? AdjustmentStatus.Approved : AdjustmentStatus.Rejected;
        DecidedById = leaderId;
        DecidedAt = at;
        DecisionComment = comment?.Trim();
        Revision++;
        return Result.Ok;
    }
}
