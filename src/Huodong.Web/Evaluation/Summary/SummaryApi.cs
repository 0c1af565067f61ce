using Huodong.Web.People;
using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Summary;

/// <summary>E3.3: <c>PUT /api/activities/{id}/summary</c> (team, after the end until closed) and <c>GET</c> (team, reviewers, admin).</summary>
public static class SummaryApi
{
    public static void MapSummaryApi(this IEndpointRouteBuilder app)
    {
        var activity = app.MapGroup("/api/activities/{id:guid}").WithTags("Evaluation").RequireAuthorization();

        activity.MapGet("/summary", async (Guid id, HttpContext http, SummaryQueries q, CancellationToken ct) =>
            (await q.GetAsync(Actor.From(http.User), id, ct)).Match(http, v => TypedResults.Ok(v)));

        activity.MapPut("/summary", async (Guid id, Body<SummaryInput> body, HttpContext http, WriteSummary uc, SummaryQueries q, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var written = await uc.ExecuteAsync(Actor.From(http.User), id, body.Value!, ct);
            return written.IsOk ? TypedResults.Ok(await q.ViewAsync(id, ct)) : written.Error!.ToProblem(http);
        });
    }
}
