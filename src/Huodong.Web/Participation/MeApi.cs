using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Participation;

/// <summary>A member's own things: <c>GET /api/me/activities</c> and the in-app notification inbox.</summary>
public static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization();

        me.MapGet("/activities", async (HttpContext http, InteractionQueries q, Rewards.AwardQueries awards, CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            var items = await q.MineAsync(actor.Id, ct);
            var rewards = (await awards.MineAsync(actor, ct)).Select(m => m.Award).ToList();
            return Results.Ok(new { items, total = items.Count, rewards });
        });

        me.MapGet("/notifications", async (HttpContext http, Inbox inbox, IStringLocalizer<SharedResource> l, int? page,
            int? pageSize, CancellationToken ct) =>
        {
            var found = await inbox.PageAsync(Actor.From(http.User).Id, Paging.From(page, pageSize), ct);
            var items = found.Items.Select(n => new NotificationView(n.Id, n.Kind, Render(l, n), n.ActivityId, n.CreatedAt, n.ReadAt is not null));
            return Results.Ok(new { items, total = found.Total, unread = found.Unread });
        });

        me.MapPost("/notifications/{nid:guid}/read", async (Guid nid, HttpContext http, Inbox inbox, CancellationToken ct) =>
            await inbox.MarkReadAsync(Actor.From(http.User).Id, nid, ct)
                ? Results.NoContent()
                : Error.NotFound("Notification").ToProblem(http));

        me.MapPost("/notifications/read-all", async (HttpContext http, Inbox inbox, CancellationToken ct) =>
        {
            await inbox.MarkAllReadAsync(Actor.From(http.User).Id, ct);
            return Results.NoContent();
        });
    }

    public static string Render(IStringLocalizer l, Notification n) => Inbox.Render(l, n);
}

public sealed record NotificationView(Guid Id, NotificationKind Kind, string Text, Guid? ActivityId, DateTimeOffset CreatedAt, bool Read);
