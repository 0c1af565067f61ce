using System.Text.Json;
using Huodong.Web.Planning;

namespace Huodong.Web.Budget;

/// <summary>One line of a settlement: budget against actual (approved and paid expenses), and why they differ.</summary>
public sealed record SettlementLine(BudgetCategory Category, decimal Budget, decimal Actual, string? Explanation)
{
    /// <summary>Actual minus budget: negative is an underspend.</summary>
    public decimal Variance => Actual - Budget;
}

/// <summary>
/// The settlement of an activity's budget after it ended (B2.3), made by its team; an activity is closed only once
/// settled. The lines are frozen as they were at settlement, so later reading shows what was settled.
/// </summary>
public sealed class Settlement
{
    private Settlement() { }

    public Settlement(Guid activityId, IReadOnlyList<SettlementLine> lines, string? summary, Guid byId, DateTimeOffset at)
    {
        ActivityId = activityId;
        LinesJson = JsonSerializer.Serialize(lines, JsonSerializerOptions.Web);
        BudgetFen = Money.ToFen(lines.Sum(l => l.Budget));
        ActualFen = Money.ToFen(lines.Sum(l => l.Actual));
        Summary = summary;
        SettledById = byId;
        SettledAt = at;
    }

    public Guid ActivityId { get; private set; }
    public string LinesJson { get; private set; } = "[]";
    public long BudgetFen { get; private set; }
    public long ActualFen { get; private set; }
    public string? Summary { get; private set; }
    public Guid SettledById { get; private set; }
    public DateTimeOffset SettledAt { get; private set; }

    public IReadOnlyList<SettlementLine> Lines =>
        JsonSerializer.Deserialize<List<SettlementLine>>(LinesJson, JsonOptions) ?? [];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerOptions.Web);
}
