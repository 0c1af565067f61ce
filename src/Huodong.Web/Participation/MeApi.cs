using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Participation;

/// <summary>A member's own things: <c>GET /api/me/activities</c> and the in-app notification inbox.</summary>
public static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization();

        me.MapGet("/activities", async (HttpContext http, InteractionQueries q, CancellationToken ct) =>
        {
            var items = await q.MineAsync(Actor.From(http.User).Id, ct);
            return Results.Ok(new { items, total = items.Count, rewards = Array.Empty<object>() });
        });

        me.MapGet("/notifications", async (HttpContext http, HuodongDb db, IStringLocalizer<SharedResource> l, int? page,
            int? pageSize, CancellationToken ct) =>
        {
            var id = Actor.From(http.User).Id;
            var paging = Paging.From(page, pageSize);
            var q = db.Notifications.AsNoTracking().Where(n => n.UserId == id);
            var total = await q.CountAsync(ct);
            var unread = await q.CountAsync(n => n.ReadAt == null, ct);
            var rows = await q.OrderByDescending(n => n.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            var items = rows.Select(n => new NotificationView(n.Id, n.Kind, Render(l, n), n.ActivityId, n.CreatedAt, n.ReadAt is not null));
            return Results.Ok(new { items, total, unread });
        });

        me.MapPost("/notifications/{nid:guid}/read", async (Guid nid, HttpContext http, HuodongDb db, TimeProvider time, CancellationToken ct) =>
        {
            var id = Actor.From(http.User).Id;
            var now = time.UtcNow();
            var n = await db.Notifications.Where(x => x.Id == nid && x.UserId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadAt, x => x.ReadAt ?? now), ct);
            return n == 0 ? Error.NotFound("Notification").ToProblem(http) : Results.NoContent();
        });

        me.MapPost("/notifications/read-all", async (HttpContext http, HuodongDb db, TimeProvider time, CancellationToken ct) =>
        {
            var id = Actor.From(http.User).Id;
            var now = time.UtcNow();
            await db.Notifications.Where(x => x.UserId == id && x.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadAt, now), ct);
            return Results.NoContent();
        });
    }

    public static string Render(IStringLocalizer l, Notification n) =>
        l[Notification.TextKey(n.Kind), n.Args.Cast<object>().ToArray()].Value;
}

public sealed record NotificationView(Guid Id, NotificationKind Kind, string Text, Guid? ActivityId, DateTimeOffset CreatedAt, bool Read);
