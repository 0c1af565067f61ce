namespace Huodong.Web.LiveOps;

/// <summary>Whether someone is on watch for an activity at a moment: yes, no, or unknown (no roster to ask).</summary>
public enum WatchState { Unknown, OnWatch, NobodyOnWatch }

/// <summary>
/// E2.2 "dedicated staff watch the activity live": the live monitor asks this whether a ModeratorOnWatch duty
/// covers now. The staffing feature (Preparation/, E1.1) owns duties and answers it (<c>DutyWatchRoster</c>).
/// </summary>
public interface IWatchRoster
{
    Task<WatchState> StateAsync(Guid activityId, DateTimeOffset at, CancellationToken ct);
}
