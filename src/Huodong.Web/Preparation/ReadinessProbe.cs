using Huodong.Web.Planning;

namespace Huodong.Web.Preparation;

/// <summary>
/// E1.3: one automated check the platform runs on itself before an activity goes live. Every implementation
/// registered in DI (<c>services.AddScoped&lt;IReadinessProbe, MyProbe&gt;()</c>) runs in each readiness check, in
/// registration order; other features (email, webhook channels) add theirs the same way. A probe must not change
/// real data and should not throw: it reports a failure as a <see cref="ProbeResult"/> (an exception is caught and
/// recorded as a failure all the same).
/// </summary>
public interface IReadinessProbe
{
    /// <summary>A stable name, shown on the console and kept with the result ("database", "registration").</summary>
    string Name { get; }

    Task<ProbeResult> RunAsync(Activity activity, CancellationToken ct);
}

/// <summary>What one probe found: passed or not, and a short English detail for the team.</summary>
public sealed record ProbeResult(bool Passed, string Detail)
{
    public static ProbeResult Ok(string detail) => new(true, detail);
    public static ProbeResult Failed(string detail) => new(false, detail);
}
