using System.Globalization;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Preparation.Promotion.Outbox;

/// <summary>
/// The email of an in-app notification: the same words as the inbox, in Chinese then English (the member's
/// language is not known to the mail). Only for members who opt in to email, asked at sending time.
/// </summary>
public sealed class NotificationMail(HuodongDb db, IStringLocalizer<SharedResource> l)
{
    public async Task<DeliveryJob?> ComposeAsync(Guid deliveryId, Guid notificationId, CancellationToken ct)
    {
        var row = await (from d in db.Set<Delivery>().AsNoTracking()
                         join n in db.Notifications.AsNoTracking() on d.NotificationId equals (Guid?)n.Id
                         join u in db.Users.AsNoTracking() on n.UserId equals u.Id
                         where d.Id == deliveryId && n.Id == notificationId
                         select new { n, u.Email, u.EmailOptIn, d.Attempts }).FirstOrDefaultAsync(ct);
        if (row is null || !row.EmailOptIn || string.IsNullOrWhiteSpace(row.Email)) return null;
        var title = row.n.Args.FirstOrDefault() ?? "";
        // E2.1: the launch notice carries the rules, process and cautions themselves, as pinned on the page.
        var plan = row.n.Kind == NotificationKind.ActivityLaunched && row.n.ActivityId is { } aid
            ? (await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == aid, ct))?.ApprovedPlan : null;
        string Text() => plan is null ? Inbox.Render(l, row.n) : $"{Inbox.Render(l, row.n)}\n\n{Portal.LaunchBriefing.For(plan, l).ToMarkdown(l)}";
        var zh = In("zh-CN", () => $"{l["Huodong notification"]}: {title}", Text);
        var en = In("en", () => $"{l["Huodong notification"]}: {title}", Text);
        return new DeliveryJob(deliveryId, null, row.n.ActivityId ?? Guid.Empty, PromotionChannel.Email, zh.Subject,
            $"{zh.Text}\n\n---\n\n{en.Text}", row.Email, row.Attempts, row.n.CreatedAt);
    }

    private static (string Subject, string Text) In(string culture, Func<string> subject, Func<string> text)
    {
        var (ui, c) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try { return (subject(), text()); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, c); }
    }
}
