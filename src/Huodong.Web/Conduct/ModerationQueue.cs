using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct;

/// <summary>
/// E2.2: the live monitor's moderation queue — how many cases about an activity wait for a moderator (open or under
/// appeal). Registered after LiveOps' empty default, so it wins.
/// </summary>
public sealed class ModerationQueue(HuodongDb db) : LiveOps.IModerationQueue
{
    public Task<int> OpenCountAsync(Guid activityId, CancellationToken ct) =>
        db.ModerationCases.CountAsync(c => c.ActivityId == activityId
            && (c.Status == CaseStatus.Open || c.Status == CaseStatus.Appealed), ct);
}
