using Huodong.Web.Data;
using Huodong.Web.LiveOps;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation;

/// <summary>
/// E2.2 from the staffing roster (E1.1): someone is on watch when a staffed ModeratorOnWatch duty covers the moment.
/// </summary>
public sealed class DutyWatchRoster(HuodongDb db) : IWatchRoster
{
    public async Task<WatchState> StateAsync(Guid activityId, DateTimeOffset at, CancellationToken ct) =>
        await db.Duties.AsNoTracking().AnyAsync(d => d.ActivityId == activityId && d.Kind == DutyKind.ModeratorOnWatch
            && d.AssigneeId != null && d.From <= at && at < d.To, ct)
            ? WatchState.OnWatch
            : WatchState.NobodyOnWatch;
}
