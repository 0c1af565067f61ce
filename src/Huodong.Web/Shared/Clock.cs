namespace Huodong.Web.Shared;

public static class Clock
{
    /// <summary>
    /// Now in UTC, truncated to whole 100 microseconds: a value hashed before it is stored (the audit chain) must
    /// hash the same after a round trip, and the coarsest store keeps that much — PostgreSQL keeps microseconds,
    /// SQLite's <c>DateTimeOffsetToBinaryConverter</c> keeps ticks / 1000 (100 µs).
    /// </summary>
    public static DateTimeOffset UtcNow(this TimeProvider time) => Truncate(time.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 1000, TimeSpan.Zero);
    }
}
