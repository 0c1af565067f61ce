namespace Huodong.Web.LiveOps;

/// <summary>Whether someone is on watch for an activity at a moment: yes, no, or unknown (no roster to ask).</summary>
public enum WatchState { Unknown, OnWatch, NobodyOnWatch }

/// <summary>
/// E2.2 "dedicated staff watch the activity live": the live monitor asks this whether a ModeratorOnWatch duty
/// covers now. The staffing feature (Preparation/, E1.1) owns duties and registers the real implementation; until
/// it does, <see cref="UnknownWatchRoster"/> answers "unknown" and the monitor shows no "no staff on watch" alert,
/// only that the roster is not known. To plug in: <c>services.AddScoped&lt;IWatchRoster, DutyWatchRoster&gt;()</c>
/// after <c>AddLiveOps()</c> (the last registration wins).
/// </summary>
public interface IWatchRoster
{
    Task<WatchState> StateAsync(Guid activityId, DateTimeOffset at, CancellationToken ct);
}

/// <summary>The default while no staffing roster is registered: the answer is always <see cref="WatchState.Unknown"/>.</summary>
public sealed class UnknownWatchRoster : IWatchRoster
{
    public Task<WatchState> StateAsync(Guid activityId, DateTimeOffset at, CancellationToken ct) => Task.FromResult(WatchState.Unknown);
}
