namespace Huodong.Web.LiveOps;

/// <summary>
/// The live monitor's "moderation queue" (E2.2): how many moderation items about the activity await a moderator.
/// The conduct feature answers it (<c>Conduct.ModerationQueue</c>).
/// </summary>
public interface IModerationQueue
{
    Task<int> OpenCountAsync(Guid activityId, CancellationToken ct);
}
