namespace Huodong.Web.LiveOps;

/// <summary>
/// The live monitor's "moderation queue" (E2.2): how many moderation items about the activity await a moderator.
/// The conduct feature answers it; until it is registered the queue is empty.
/// </summary>
public interface IModerationQueue
{
    Task<int> OpenCountAsync(Guid activityId, CancellationToken ct);
}

public sealed class NoModerationQueue : IModerationQueue
{
    public Task<int> OpenCountAsync(Guid activityId, CancellationToken ct) => Task.FromResult(0);
}
