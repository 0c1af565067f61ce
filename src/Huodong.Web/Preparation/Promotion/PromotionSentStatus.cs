using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation.Promotion;

/// <summary>
/// The readiness gate's "promotion sent" (E1.4): some promotion of the activity has at least one delivery that went
/// out — the portal announcement counts at once, email and webhooks once the outbox has sent them.
/// </summary>
public sealed class PromotionSentStatus(HuodongDb db) : IPromotionStatus
{
    public async Task<PromotionState> OfAsync(Guid activityId, CancellationToken ct)
    {
        var firstSent = await db.Set<Delivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Sent
                        && db.Set<Promotion>().Any(p => p.Id == d.PromotionId && p.ActivityId == activityId))
            .MinAsync(d => d.SentAt, ct);
        return new PromotionState(firstSent is not null, firstSent);
    }
}
