namespace Huodong.Web.Preparation;

/// <summary>
/// E1.4 as the readiness gate sees it: has the activity's promotion been sent? The promotion feature
/// (<c>Preparation/Promotion/</c>) is built in parallel and owns the answer: it registers its own implementation
/// with <c>services.Replace(ServiceDescriptor.Scoped&lt;IPromotionStatus, …&gt;())</c> (or simply registers it after
/// <c>AddPreparation()</c>; the last registration wins). Until then <see cref="NoPromotionYet"/> answers "not sent",
/// so the gate stays closed rather than letting an unannounced activity go live.
/// </summary>
public interface IPromotionStatus
{
    Task<PromotionState> OfAsync(Guid activityId, CancellationToken ct);
}

/// <summary>Whether a promotion went out, and when (null when it did not).</summary>
public sealed record PromotionState(bool Sent, DateTimeOffset? SentAt = null);

/// <summary>The stand-in until the promotion feature answers: nothing has been sent.</summary>
public sealed class NoPromotionYet : IPromotionStatus
{
    public Task<PromotionState> OfAsync(Guid activityId, CancellationToken ct) => Task.FromResult(new PromotionState(false));
}
