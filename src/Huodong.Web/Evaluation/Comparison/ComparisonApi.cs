using Huodong.Web.People;
using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Comparison;

/// <summary>API.md: <c>GET /api/activities/{id}/comparison</c> — against earlier similar activities (V2.4).</summary>
public static class ComparisonApi
{
    public static void MapComparisonApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/activities/{id:guid}/comparison", async (Guid id, HttpContext http, ActivityComparison comparison, CancellationToken ct) =>
                (await comparison.ForAsync(Actor.From(http.User), id, ct)).Match(http, v => TypedResults.Ok(v)))
            .WithTags("Evaluation").RequireAuthorization();
}
