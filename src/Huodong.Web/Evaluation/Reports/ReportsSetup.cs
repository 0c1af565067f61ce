using Huodong.Web.Evaluation.Comparison;
using Huodong.Web.People;
using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Reports;

/// <summary>The comparison (V2.4), the per-activity report and the community overview (V2.1).</summary>
public static class ReportsSetup
{
    public static void AddEvaluationReports(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<CachedMetrics>();
        s.AddScoped<ActivityComparison>();
        s.AddScoped<CommunityOverview>();
        s.AddScoped<ActivityReport>();
    }

    public static void MapEvaluationReports(this IEndpointRouteBuilder app)
    {
        app.MapComparisonApi();
        app.MapGet("/api/overview", async (HttpContext http, CommunityOverview overview, CancellationToken ct) =>
                (await overview.ForAsync(Actor.From(http.User), ct)).Match(http, v => TypedResults.Ok(v)))
            .WithTags("Evaluation").RequireAuthorization();
    }
}
