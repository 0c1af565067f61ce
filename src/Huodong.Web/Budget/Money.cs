namespace Huodong.Web.Budget;

/// <summary>
/// Money is <see cref="decimal"/> yuan in the API and the domain, and whole fen (1/100 yuan) in the database: SQLite
/// keeps decimals as text, which compares as text, so the over-budget check (<c>committed + amount &lt;= approved</c>)
/// must run on integers on both providers. The conversion is exact because amounts carry at most two decimals.
/// </summary>
public static class Money
{
    /// <summary>The largest single amount accepted: ¥100,000,000.00.</summary>
    public const decimal Max = 100_000_000m;

    public static long ToFen(decimal yuan) => decimal.ToInt64(yuan * 100m);
    /// <summary>Multiplying by 0.01m keeps a scale of two: 19550 fen is 195.50, also in JSON.</summary>
    public static decimal ToYuan(long fen) => fen * 0.01m;

    /// <summary>Null when <paramref name="yuan"/> is a valid positive amount with at most two decimals; else the message.</summary>
    public static string? Invalid(decimal? yuan, bool allowZero = false) => yuan switch
    {
        null => "Required.",
        < 0 => "The amount must be positive.",
        0 when !allowZero => "The amount must be positive.",
        > Max => "The amount is too large.",
        { } v when decimal.Round(v, 2) != v => "Use at most two decimals (fen).",
        _ => null,
    };
}
