using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Preparation;

/// <summary>Staffing, materials, readiness checks, the readiness gate and the launch (E1.1–E1.3, E2.1).</summary>
public static class PreparationApi
{
    public static void MapPreparationApi(this IEndpointRouteBuilder app)
    {
        var a = app.MapGroup("/api/activities/{id:guid}").WithTags("Preparation").RequireAuthorization();

        a.MapGet("/duties", async (Guid id, HttpContext http, Staffing uc, CancellationToken ct) =>
            (await uc.ListAsync(Actor.From(http.User), id, ct)).Match(http, l => Results.Ok(new { items = l, total = l.Count })));
        a.MapPost("/duties", async (Guid id, Body<DutyInput> body, HttpContext http, Staffing uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.AddAsync(Actor.From(http.User), id, body.Value!, ct)).Match(http, d => Results.Created($"/api/duties/{d.Id}", d)));
        a.MapPost("/duties/defaults", async (Guid id, HttpContext http, Staffing uc, CancellationToken ct) =>
            (await uc.AddDefaultsAsync(Actor.From(http.User), id, ct)).Match(http, l => Results.Created($"/api/activities/{id}/duties",
                new { items = l, total = l.Count })));

        a.MapGet("/materials", async (Guid id, HttpContext http, Materials uc, CancellationToken ct) =>
            (await uc.ListAsync(Actor.From(http.User), id, ct)).Match(http, l => Results.Ok(new { items = l, total = l.Count })));
        a.MapPost("/materials", async (Guid id, Body<MaterialInput> body, HttpContext http, Materials uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.AddAsync(Actor.From(http.User), id, body.Value!, ct)).Match(http, m => Results.Created($"/api/materials/{m.Id}", m)));

        a.MapGet("/readiness-checks", async (Guid id, HttpContext http, ReadinessChecks uc, CancellationToken ct) =>
            (await uc.HistoryAsync(Actor.From(http.User), id, ct)).Match(http, l => Results.Ok(new { items = l, total = l.Count })));
        a.MapPost("/readiness-checks", async (Guid id, HttpContext http, ReadinessChecks uc, CancellationToken ct) =>
            (await uc.RunAsync(Actor.From(http.User), id, ct)).Match(http, c => Results.Created($"/api/activities/{id}/readiness-checks", c)));
        a.MapPut("/readiness-checks/{checkId:guid}/items/{key}", async (Guid id, Guid checkId, string key, Body<TickInput> body,
            HttpContext http, ReadinessChecks uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.TickAsync(Actor.From(http.User), id, checkId, key, body.Value!.Done ?? true, ct)).Match(http, Results.Ok));

        a.MapGet("/readiness", async (Guid id, HttpContext http, Readiness gate, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            (await gate.ForAsync(Actor.From(http.User), id, ct)).Match(http, v => Results.Ok(ReadinessAnswer.From(v, l))));

        a.MapPost("/launch", async (Guid id, HttpContext http, LaunchActivity uc, ActivityQueries q,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (result, verdict) = await uc.ExecuteAsync(Actor.From(http.User), id, ct);
            if (result.IsOk) return Results.Ok(ActivityDto.From(await q.DetailAsync(Actor.From(http.User), result.Value!, ct)));
            if (result.Error!.Code != ActivityErrors.NotReady.Code || verdict is null) return result.Error.ToProblem(http);
            // 409 not-ready names everything missing, condition by condition.
            var answer = ReadinessAnswer.From(verdict, l);
            return TypedResults.Problem(title: l[result.Error.MessageKey].Value, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["code"] = result.Error.Code, ["missing"] = answer.Missing });
        });

        var d = app.MapGroup("/api/duties").WithTags("Preparation").RequireAuthorization();
        d.MapPut("/{dutyId:guid}", async (Guid dutyId, Body<DutyInput> body, HttpContext http, Staffing uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.UpdateAsync(Actor.From(http.User), dutyId, body.Value!, ct)).Match(http, Results.Ok));
        d.MapDelete("/{dutyId:guid}", async (Guid dutyId, HttpContext http, Staffing uc, CancellationToken ct) =>
            (await uc.DeleteAsync(Actor.From(http.User), dutyId, ct)).Match(http, _ => Results.NoContent()));

        var m = app.MapGroup("/api/materials").WithTags("Preparation").RequireAuthorization();
        m.MapPut("/{materialId:guid}", async (Guid materialId, Body<MaterialInput> body, HttpContext http, Materials uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.UpdateAsync(Actor.From(http.User), materialId, body.Value!, ct)).Match(http, Results.Ok));
        m.MapDelete("/{materialId:guid}", async (Guid materialId, HttpContext http, Materials uc, CancellationToken ct) =>
            (await uc.DeleteAsync(Actor.From(http.User), materialId, ct)).Match(http, _ => Results.NoContent()));
    }
}

/// <summary>Ticking a checklist item: <c>{"done": true}</c> (the default) or false to untick.</summary>
public sealed record TickInput(bool? Done);
