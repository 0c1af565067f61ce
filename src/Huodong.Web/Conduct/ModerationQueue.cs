using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct;

/// <summary>
/// E2.2: what the live monitor may ask of conduct — how many cases about an activity wait for a moderator (open or
/// under appeal). LiveOps can take this through DI and show it beside the incidents.
/// </summary>
public interface IModerationQueue
{
    Task<int> OpenCountAsync(Guid activityId, CancellationToken ct);
}

public sealed class ModerationQueue(HuodongDb db) : IModerationQueue
{
    public Task<int> OpenCountAsync(Guid activityId, CancellationToken ct) =>
        db.ModerationCases.CountAsync(c => c.ActivityId == activityId
            && (c.Status == CaseStatus.Open || c.Status == CaseStatus.Appealed), ct);
}
