namespace Huodong.Web.Preparation;

/// <summary>
/// E1.4 as the readiness gate sees it: has the activity's promotion been sent? The promotion feature
/// (<c>Preparation/Promotion/</c>) owns the answer (<c>PromotionSentStatus</c>).
/// </summary>
public interface IPromotionStatus
{
    Task<PromotionState> OfAsync(Guid activityId, CancellationToken ct);
}

/// <summary>Whether a promotion went out, and when (null when it did not).</summary>
public sealed record PromotionState(bool Sent, DateTimeOffset? SentAt = null);
