using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation.Promotion;

/// <summary>Delivery counts of one channel of a promotion; <c>lastError</c> is the newest error of a row not yet sent.</summary>
public sealed record ChannelDeliveries(PromotionChannel Channel, int Total, int Pending, int Sent, int Failed, string? LastError);

public sealed record PromotionView(Guid Id, Guid ActivityId, string Title, string Body, IReadOnlyList<PromotionChannel> Channels,
    Guid CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<ChannelDeliveries> Deliveries);

/// <summary>An announcement as the portal shows it.</summary>
public sealed record AnnouncementView(Guid Id, Guid ActivityId, string ActivityTitle, string Title, string Body, DateTimeOffset At);

public sealed class PromotionQueries(HuodongDb db)
{
    /// <summary>The team's, reviewers' and moderators' view: every promotion with per-channel delivery status.</summary>
    public async Task<Result<List<PromotionView>>> ListAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return Error.NotFound("Activity");
        if (!PlanningPermissions.SeesInternals(actor, activity) && !actor.Is(Roles.Moderator)) return Error.Forbidden;

        var promotions = await db.Set<Promotion>().AsNoTracking().Where(p => p.ActivityId == activityId).ToListAsync(ct);
        var ids = promotions.Select(p => p.Id).ToList();
        var counts = await db.Set<Delivery>().AsNoTracking().Where(d => d.PromotionId != null && ids.Contains(d.PromotionId.Value))
            .GroupBy(d => new { d.PromotionId, d.Channel, d.Status })
            .Select(g => new { g.Key.PromotionId, g.Key.Channel, g.Key.Status, Count = g.Count(), Error = g.Max(d => d.LastError) })
            .ToListAsync(ct);
        return promotions.OrderByDescending(p => p.CreatedAt).Select(p => new PromotionView(p.Id, p.ActivityId, p.Title, p.Body,
            p.ChannelList, p.CreatedBy, p.CreatedAt, p.ChannelList.Select(c =>
            {
                var rows = counts.Where(x => x.PromotionId == p.Id && x.Channel == c).ToList();
                int Of(DeliveryStatus s) => rows.Where(x => x.Status == s).Sum(x => x.Count);
                return new ChannelDeliveries(c, rows.Sum(x => x.Count), Of(DeliveryStatus.Pending), Of(DeliveryStatus.Sent),
                    Of(DeliveryStatus.Failed), rows.Where(x => x.Status != DeliveryStatus.Sent).Select(x => x.Error).FirstOrDefault(e => e != null));
            }).ToList())).ToList();
    }

    /// <summary>Announcements of published activities, newest first; of one activity when <paramref name="activityId"/> is given.</summary>
    public async Task<List<AnnouncementView>> AnnouncementsAsync(Guid? activityId, int take, CancellationToken ct)
    {
        var announced = db.Set<Delivery>().Where(d => d.Channel == PromotionChannel.Announcement && d.Status == DeliveryStatus.Sent)
            .Select(d => d.PromotionId!.Value);
        var rows = await (from p in db.Set<Promotion>().AsNoTracking()
                          join a in db.Activities on p.ActivityId equals a.Id
                          where announced.Contains(p.Id) && a.ApprovedVersion != null && a.Status != ActivityStatus.Cancelled
                                && (activityId == null || p.ActivityId == activityId)
                          select new AnnouncementView(p.Id, p.ActivityId, a.Title, p.Title, p.Body, p.CreatedAt)).ToListAsync(ct);
        return rows.OrderByDescending(r => r.At).Take(take).ToList();
    }
}
