using Huodong.Web.Data;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Participation;

/// <summary>A member's in-app inbox: the page, the API and the header badge read and mark it through this one class.</summary>
public sealed class Inbox(HuodongDb db, TimeProvider time)
{
    public sealed record InboxPage(IReadOnlyList<Notification> Items, int Total, int Unread);

    public async Task<InboxPage> PageAsync(Guid userId, Paging paging, CancellationToken ct)
    {
        var q = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await q.CountAsync(ct);
        var unread = await UnreadAsync(userId, ct);
        var rows = await q.OrderByDescending(n => n.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new InboxPage(rows, total, unread);
    }

    /// <summary>One COUNT on the (user, read, time) index: cheap enough for every page's header.</summary>
    public Task<int> UnreadAsync(Guid userId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Marks one of the user's notifications read; false when the user has no such notification.</summary>
    public async Task<bool> MarkReadAsync(Guid userId, Guid notificationId, CancellationToken ct)
    {
        var now = time.UtcNow();
        return await db.Notifications.Where(x => x.Id == notificationId && x.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadAt, x => x.ReadAt ?? now), ct) > 0;
    }

    public async Task MarkAllReadAsync(Guid userId, CancellationToken ct)
    {
        var now = time.UtcNow();
        await db.Notifications.Where(x => x.UserId == userId && x.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadAt, now), ct);
    }

    /// <summary>The notification's text in the reader's language (its arguments were stored, not its words).</summary>
    public static string Render(IStringLocalizer l, Notification n) =>
        l[Notification.TextKey(n.Kind), n.Args.Select(Argument).ToArray()].Value;

    /// <summary>An instant stored as a round-trip string is shown in the reader's culture and China time.</summary>
    private static object Argument(string arg) =>
        arg.Length >= 20 && DateTimeOffset.TryParseExact(arg, "O", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind, out var at) ? Display.When(at) : arg;
}
