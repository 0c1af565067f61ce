using Huodong.Web.People;
using Huodong.Web.Preparation.Promotion.Outbox;
using Huodong.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Preparation.Promotion;

/// <summary>API.md: <c>POST/GET /api/activities/{id}/promotions</c> (E1.4).</summary>
public static class PromotionApi
{
    public static void MapPromotionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activities/{id:guid}/promotions").WithTags("Preparation").RequireAuthorization();

        group.MapPost("/", async (Guid id, Body<PromotionInput> body, HttpContext http, CreatePromotion uc, PromotionQueries q,
            CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var created = await uc.ExecuteAsync(Actor.From(http.User), id, body.Value!, ct);
            if (!created.IsOk) return Problem(created.Error!, http);
            var views = await q.ListAsync(Actor.From(http.User), id, ct);
            return Results.Created($"/api/activities/{id}/promotions/{created.Value!.Id}", views.Value!.First(v => v.Id == created.Value.Id));
        });

        group.MapGet("/", async (Guid id, HttpContext http, PromotionQueries q, CancellationToken ct) =>
            (await q.ListAsync(Actor.From(http.User), id, ct)).Match(http, l => Results.Ok(new { items = l, total = l.Count })));

        app.MapGet("/api/announcements", async (PromotionQueries q, Guid? activityId, CancellationToken ct) =>
            Results.Ok(new { items = await q.AnnouncementsAsync(activityId, 50, ct) })).WithTags("Preparation");
    }

    /// <summary>The incomplete-message refusal lists the missing parts as <c>missing</c> beside the localised title.</summary>
    private static IResult Problem(Error error, HttpContext http)
    {
        if (error.Code != "promotion-incomplete") return error.ToProblem(http);
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var missing = error.Fields!["missing"];
        var names = string.Join(", ", missing.Select(m => l[Labels.Humanize(m)].Value));
        return TypedResults.Problem(title: l[error.MessageKey, names].Value, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["code"] = error.Code, ["missing"] = missing.Select(JsonName).ToArray() });
    }

    private static string JsonName(string part) => char.ToLowerInvariant(part[0]) + part[1..];
}

public static class PromotionSetup
{
    public static void AddPromotion(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<SmtpOptions>(builder.Configuration.GetSection("Email:Smtp"));
        s.Configure<PromotionOptions>(builder.Configuration.GetSection("Promotion"));
        s.AddHttpClient(WebhookChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        s.AddScoped<CreatePromotion>();
        s.AddScoped<PromotionQueries>();
        s.AddScoped<DeliveryOutbox>();
        s.AddScoped<NotificationMail>();
        s.AddScoped<IDeliveryChannel, EmailChannel>();
        s.AddScoped<IDeliveryChannel, WebhookChannel>();
        s.AddHostedService<DeliveryWorker>();
    }
}
