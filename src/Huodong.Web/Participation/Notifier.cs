using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>
/// Adds in-app notifications to the caller's unit of work, so they are saved with the change they report, each with
/// its email in the outbox (sent only if the member opts in to email when it is due).
/// </summary>
public static class Notifier
{
    public static void Notify(HuodongDb db, Guid userId, NotificationKind kind, Guid? activityId, string title,
        DateTimeOffset at, params string[] args)
    {
        var notification = new Notification(userId, kind, activityId, title, at, args);
        db.Notifications.Add(notification);
        db.Add(Preparation.Promotion.Delivery.ForNotification(notification.Id, userId, at));
    }

    /// <summary>Tells everyone still registered (confirmed or waitlisted) about a change to their activity.</summary>
    public static async Task NotifyRegistrantsAsync(HuodongDb db, Activity activity, NotificationKind kind,
        DateTimeOffset at, CancellationToken ct, params string[] args)
    {
        var members = await db.Registrations.Where(r => r.ActivityId == activity.Id && r.Status != RegistrationStatus.Cancelled)
            .Select(r => r.MemberId).ToListAsync(ct);
        foreach (var m in members) Notify(db, m, kind, activity.Id, activity.Title, at, args);
    }
}
