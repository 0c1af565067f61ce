using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Improvement;

/// <summary>
/// V3: improvement actions — added from an activity's summary, listed across activities for staff, changed by owner,
/// team or head, applied in a later plan of the format (V3.2), judged with a verdict (V3.3).
/// </summary>
public static class ImprovementsApi
{
    public static void MapImprovementsApi(this IEndpointRouteBuilder app)
    {
        var activity = app.MapGroup("/api/activities/{id:guid}/improvements").WithTags("Evaluation").RequireAuthorization();

        activity.MapPost("/", async (Guid id, Body<NewImprovement> body, HttpContext http, AddImprovement uc, ImprovementQueries q, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var actor = Actor.From(http.User);
            var added = await uc.ExecuteAsync(actor, id, body.Value!, ct);
            if (!added.IsOk) return added.Error!.ToProblem(http);
            return TypedResults.Created($"/api/improvements/{added.Value!.Id}", (await q.GetAsync(actor, added.Value.Id, ct)).Value);
        });

        activity.MapGet("/", async (Guid id, HttpContext http, ImprovementQueries q, CancellationToken ct) =>
            (await q.ForActivityAsync(Actor.From(http.User), id, ct)).Match(http, list => TypedResults.Ok(new { items = list, total = list.Count })));

        activity.MapGet("/suggested", async (Guid id, HttpContext http, ImprovementQueries q, CancellationToken ct) =>
            (await q.SuggestedAsync(Actor.From(http.User), id, ct)).Match(http, list => TypedResults.Ok(new { items = list, total = list.Count })));

        var improvements = app.MapGroup("/api/improvements").WithTags("Evaluation").RequireAuthorization();

        improvements.MapGet("/", async (ImprovementStatus? status, ActivityFormat? format, bool? overdue, int? page, int? pageSize,
                HttpContext http, ImprovementQueries q, CancellationToken ct) =>
            (await q.ListAsync(Actor.From(http.User), new ImprovementFilter(status, format, overdue), Paging.From(page, pageSize), ct))
                .Match(http, TypedResults.Ok));

        improvements.MapGet("/{id:guid}", async (Guid id, HttpContext http, ImprovementQueries q, CancellationToken ct) =>
            (await q.GetAsync(Actor.From(http.User), id, ct)).Match(http, TypedResults.Ok));

        improvements.MapPut("/{id:guid}", async (Guid id, Body<ImprovementChange> body, HttpContext http, ChangeImprovement uc,
                ImprovementQueries q, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http) : await Then(http, q, await uc.UpdateAsync(Actor.From(http.User), id, body.Value!, ct), ct));

        improvements.MapPost("/{id:guid}/verdict", async (Guid id, Body<VerdictInput> body, HttpContext http, ChangeImprovement uc,
                ImprovementQueries q, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http) : await Then(http, q, await uc.VerdictAsync(Actor.From(http.User), id, body.Value!, ct), ct));

        improvements.MapPost("/{id:guid}/apply", async (Guid id, Body<ApplyInput> body, HttpContext http, ApplyImprovement uc,
                ImprovementQueries q, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : await Then(http, q, await uc.ApplyAsync(Actor.From(http.User), id, body.Value!.ActivityId, ct), ct));

        improvements.MapDelete("/{id:guid}/apply/{activityId:guid}", async (Guid id, Guid activityId, HttpContext http, ApplyImprovement uc,
                ImprovementQueries q, CancellationToken ct) =>
            await Then(http, q, await uc.UnapplyAsync(Actor.From(http.User), id, activityId, ct), ct));
    }

    private static async Task<IResult> Then(HttpContext http, ImprovementQueries q, Result<ImprovementAction> result, CancellationToken ct) =>
        result.IsOk ? TypedResults.Ok((await q.GetAsync(Actor.From(http.User), result.Value!.Id, ct)).Value) : result.Error!.ToProblem(http);
}
