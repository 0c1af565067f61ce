using Huodong.Web.People;
using Huodong.Web.Shared;

namespace Huodong.Web.Rewards;

/// <summary>
/// API.md "Results": <c>POST /api/activities/{id}/draws</c> (commit), <c>POST /api/draws/{id}/reveal</c>,
/// <c>GET /api/draws/{id}</c> (public), exactly as DRAW.md; plus <c>GET /api/activities/{id}/draws</c> (public list)
/// and <c>POST /api/draws/{id}/redraw</c> (a forfeited prize: a new committed draw over those who have not won).
/// </summary>
public static class ResultsApi
{
    public static void MapResultsApi(this IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/api/activities/{id:guid}/draws").WithTags("Results");

        activities.MapPost("/", async (Guid id, Body<CreateDrawInput> body, HttpContext http, CreateDraw uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http) : Created(http, await uc.CreateAsync(Actor.From(http.User), id, body.Value!, ct)))
            .RequireAuthorization();

        activities.MapGet("/", async (Guid id, HttpContext http, DrawQueries q, CancellationToken ct) =>
            (await q.ListAsync(Actor.From(http.User), id, ct)).Match(http, list => TypedResults.Ok(new { items = list, total = list.Count })))
            .AllowAnonymous();

        var draws = app.MapGroup("/api/draws/{id:guid}").WithTags("Results");

        draws.MapGet("/", async (Guid id, HttpContext http, DrawQueries q, CancellationToken ct) =>
            (await q.GetAsync(Actor.From(http.User), id, ct)).Match(http, v => TypedResults.Ok(v))).AllowAnonymous();

        draws.MapPost("/reveal", async (Guid id, HttpContext http, RevealDraw uc, CancellationToken ct) =>
            (await uc.RevealAsync(Actor.From(http.User), id, ct)).Match(http, d => TypedResults.Ok(DrawView.Of(d))))
            .RequireAuthorization();

        draws.MapPost("/redraw", async (Guid id, Body<RedrawInput> body, HttpContext http, CreateDraw uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http) : Created(http, await uc.RedrawAsync(Actor.From(http.User), id, body.Value!, ct)))
            .RequireAuthorization();
    }

    private static IResult Created(HttpContext http, Result<Draw> result) =>
        result.Match(http, d => TypedResults.Created($"/api/draws/{d.Id}", DrawView.Of(d)));
}
