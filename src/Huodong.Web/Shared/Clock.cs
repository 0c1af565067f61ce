namespace Huodong.Web.Shared;

public static class Clock
{
    /// <summary>
    /// Now in UTC, truncated to whole microseconds: PostgreSQL keeps microseconds, so a value hashed before it is
    /// stored (the audit chain, plan versions) must hash the same after a round trip.
    /// </summary>
    public static DateTimeOffset UtcNow(this TimeProvider time) => Truncate(time.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }
}
