using Huodong.Web.People;
using Huodong.Web.Shared;

namespace Huodong.Web.Planning;

/// <summary>API.md "Activities": plans, their lifecycle and history.</summary>
public static class PlanningApi
{
    public static void MapPlanningApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/activities").WithTags("Activities");

        g.MapGet("/", async (HttpContext http, ActivityQueries q, string? status, int? page, int? pageSize, bool? mine,
            CancellationToken ct) =>
        {
            if (!EnumNames.TryFilter<ActivityStatus>(status, out var s)) return EnumNames.UnknownStatus.ToProblem(http);
            var actor = Actor.From(http.User);
            return Results.Ok(await q.ListAsync(actor, new ActivityFilter(s, mine == true), Paging.From(page, pageSize), ct));
        });

        g.MapGet("/{id:guid}", async (Guid id, HttpContext http, ActivityQueries q, CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            var found = await q.GetAsync(actor, id, ct);
            if (!found.IsOk) return found.Error!.ToProblem(http);
            return Results.Ok(ActivityDto.From(await q.DetailAsync(actor, found.Value!, ct)));
        });

        g.MapPost("/", async (Body<Plan> body, HttpContext http, PlanUseCases uc, ActivityQueries q, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var actor = Actor.From(http.User);
            var created = await uc.CreateAsync(actor, body.Value!, ct);
            if (!created.IsOk) return created.Error!.ToProblem(http);
            var dto = ActivityDto.From(await q.DetailAsync(actor, created.Value!, ct));
            return Results.Created($"/api/activities/{dto.Id}", dto);
        }).RequireAuthorization();

        g.MapPut("/{id:guid}", (Guid id, Body<Plan> body, HttpContext http, PlanUseCases uc, ActivityQueries q, CancellationToken ct) =>
            body.Error is { } bad ? Task.FromResult(bad.ToProblem(http))
                : Respond(http, q, uc.EditAsync(Actor.From(http.User), id, body.Value!, ct), ct)).RequireAuthorization();

        g.MapPost("/{id:guid}/submit", (Guid id, HttpContext http, PlanUseCases uc, ActivityQueries q, CancellationToken ct) =>
            Respond(http, q, uc.SubmitAsync(Actor.From(http.User), id, ct), ct)).RequireAuthorization();

        g.MapPost("/{id:guid}/amendments", (Guid id, Body<Plan> body, HttpContext http, PlanUseCases uc, ActivityQueries q, CancellationToken ct) =>
            body.Error is { } bad ? Task.FromResult(bad.ToProblem(http))
                : Respond(http, q, uc.AmendAsync(Actor.From(http.User), id, body.Value!, ct), ct)).RequireAuthorization();

        g.MapPost("/{id:guid}/cancel", (Guid id, Body<ReasonInput> body, HttpContext http, PlanUseCases uc, ActivityQueries q, CancellationToken ct) =>
            body.Error is { } bad ? Task.FromResult(bad.ToProblem(http))
                : Respond(http, q, uc.CancelAsync(Actor.From(http.User), id, body.Value!.Reason, ct), ct)).RequireAuthorization();

        g.MapGet("/{id:guid}/history", async (Guid id, HttpContext http, ActivityQueries q, int? page, int? pageSize, CancellationToken ct) =>
            (await q.HistoryAsync(Actor.From(http.User), id, Paging.From(page, pageSize ?? 200), ct)).Match(http, Results.Ok))
            .RequireAuthorization();

        g.MapGet("/{id:guid}/versions/{number:int}", async (Guid id, int number, HttpContext http, ActivityQueries q, CancellationToken ct) =>
            (await q.VersionAsync(Actor.From(http.User), id, number, ct)).Match(http, v => Results.Ok(new
            {
                v.Number, v.Hash, v.IsAmendment, v.SubmittedAt, plan = v.Plan,
            }))).RequireAuthorization();
    }

    internal static async Task<IResult> Respond(HttpContext http, ActivityQueries q, Task<Result<Activity>> change, CancellationToken ct)
    {
        var result = await change;
        if (!result.IsOk) return result.Error!.ToProblem(http);
        return Results.Ok(ActivityDto.From(await q.DetailAsync(Actor.From(http.User), result.Value!, ct)));
    }
}

public sealed record ReasonInput(string? Reason);
