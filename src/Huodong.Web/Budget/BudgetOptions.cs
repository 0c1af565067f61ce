namespace Huodong.Web.Budget;

/// <summary>Configuration section <c>Budget</c>.</summary>
public sealed class BudgetOptions
{
    /// <summary>Expenses above this amount (yuan) also need the Leader's approval after Finance's (B2.2).</summary>
    public decimal LeaderThreshold { get; set; } = 5000m;

    /// <summary>The largest voucher file accepted, in bytes (default 5 MB).</summary>
    public int VoucherMaxBytes { get; set; } = 5 * 1024 * 1024;
}
