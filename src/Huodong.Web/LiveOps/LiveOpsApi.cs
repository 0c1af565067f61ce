using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.LiveOps;

/// <summary>API.md "Live operations": emergency pause and resume, incidents, and the live monitor's data.</summary>
public static class LiveOpsApi
{
    public static void MapLiveOpsApi(this IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/api/activities/{id:guid}").WithTags("Live operations").RequireAuthorization();

        activities.MapPost("/pause", (Guid id, Body<ReasonInput> body, HttpContext http, PauseActivity uc, ActivityQueries q, CancellationToken ct) =>
            body.Error is { } bad ? Task.FromResult(bad.ToProblem(http))
                : PlanningApi.Respond(http, q, uc.PauseAsync(Actor.From(http.User), id, body.Value!.Reason, ct), ct));

        // The reason is optional on resume, so an empty or missing body is fine.
        activities.MapPost("/resume", async (Guid id, HttpContext http, PauseActivity uc, ActivityQueries q, CancellationToken ct) =>
        {
            string? reason = null;
            if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                var body = await Body<ReasonInput>.BindAsync(http, null!);
                if (body!.Error is { } bad) return bad.ToProblem(http);
                reason = body.Value!.Reason;
            }
            return await PlanningApi.Respond(http, q, uc.ResumeAsync(Actor.From(http.User), id, reason, ct), ct);
        });

        activities.MapGet("/monitor", async (Guid id, HttpContext http, LiveMonitor monitor, IStringLocalizer<SharedResource> l,
            CancellationToken ct) =>
            (await monitor.ReadAsync(Actor.From(http.User), id, ct)).Match(http, v => Results.Ok(v with
            {
                Alerts = v.Alerts.Select(a => a with { Text = l[a.Text, a.Args].Value }).ToList(),
            })));

        activities.MapGet("/incidents", async (Guid id, HttpContext http, IncidentQueries q, CancellationToken ct) =>
            (await q.ListAsync(Actor.From(http.User), id, ct)).Match(http, list => Results.Ok(new { items = list, total = list.Count })));

        activities.MapPost("/incidents", async (Guid id, Body<OpenIncidentInput> body, HttpContext http, HandleIncident uc,
            IncidentQueries q, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var opened = await uc.OpenAsync(Actor.From(http.User), id, body.Value!, ct);
            if (!opened.IsOk) return opened.Error!.ToProblem(http);
            return Results.Created($"/api/incidents/{opened.Value!.Id}", await q.ViewAsync(opened.Value, ct));
        });

        var incidents = app.MapGroup("/api/incidents/{id:guid}").WithTags("Live operations").RequireAuthorization();

        incidents.MapGet("/", async (Guid id, HttpContext http, IncidentQueries q, CancellationToken ct) =>
            (await q.GetAsync(Actor.From(http.User), id, ct)).Match(http, Results.Ok));

        incidents.MapPost("/assign", (Guid id, Body<AssignInput> body, HttpContext http, HandleIncident uc, IncidentQueries q, CancellationToken ct) =>
            Respond(http, q, body, b => uc.AssignAsync(Actor.From(http.User), id, b.AssigneeId, ct), ct));

        incidents.MapPost("/acknowledge", async (Guid id, HttpContext http, HandleIncident uc, IncidentQueries q, CancellationToken ct) =>
            await Respond(http, q, uc.AcknowledgeAsync(Actor.From(http.User), id, ct), ct));

        incidents.MapPost("/comment", (Guid id, Body<TextInput> body, HttpContext http, HandleIncident uc, IncidentQueries q, CancellationToken ct) =>
            Respond(http, q, body, b => uc.CommentAsync(Actor.From(http.User), id, b.Text, ct), ct));

        incidents.MapPost("/resolve", (Guid id, Body<ResolveInput> body, HttpContext http, HandleIncident uc, IncidentQueries q, CancellationToken ct) =>
            Respond(http, q, body, b => uc.ResolveAsync(Actor.From(http.User), id, b.Resolution, ct), ct));
    }

    private static Task<IResult> Respond<T>(HttpContext http, IncidentQueries q, Body<T> body,
        Func<T, Task<Result<Incident>>> change, CancellationToken ct) where T : class =>
        body.Error is { } bad ? Task.FromResult(bad.ToProblem(http)) : Respond(http, q, change(body.Value!), ct);

    private static async Task<IResult> Respond(HttpContext http, IncidentQueries q, Task<Result<Incident>> change, CancellationToken ct)
    {
        var result = await change;
        if (!result.IsOk) return result.Error!.ToProblem(http);
        return Results.Ok(await q.ViewAsync(result.Value!, ct));
    }
}
