namespace Huodong.Web.Shared;

public static class Clock
{
    /// <summary>
    /// Now in UTC, truncated to whole 100 microseconds: a value hashed before it is stored (the audit chain) must
    /// hash the same after a round trip. PostgreSQL keeps microseconds and SQLite stores whole ticks; 100 µs leaves
    /// room for any store that keeps less (EF's binary DateTimeOffset converter keeps ticks / 1000).
    /// </summary>
    public static DateTimeOffset UtcNow(this TimeProvider time) => Truncate(time.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 1000, TimeSpan.Zero);
    }
}
