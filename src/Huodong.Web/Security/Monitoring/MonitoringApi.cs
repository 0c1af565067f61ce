using Huodong.Web.People;
using Huodong.Web.Shared;

namespace Huodong.Web.Security.Monitoring;

/// <summary><c>GET /api/security/alerts?status=open|all</c> (paged) and <c>POST /api/security/alerts/{id}/acknowledge</c>.</summary>
public static class MonitoringApi
{
    public static void MapSecurityAlertsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/security/alerts").WithTags("Security").RequireAuthorization();
        g.MapGet("/", async (HttpContext http, AlertQueries q, string? status, int? page, int? pageSize, CancellationToken ct) =>
            (await q.ListAsync(Actor.From(http.User), !string.Equals(status, "all", StringComparison.OrdinalIgnoreCase),
                Paging.From(page, pageSize), ct)).Match(http, Results.Ok));
        g.MapPost("/{id:guid}/acknowledge", async (Guid id, Body<AcknowledgeInput> body, HttpContext http, AcknowledgeAlert uc,
            CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            return (await uc.ExecuteAsync(Actor.From(http.User), id, body.Value!, ct)).Match(http, () => Results.NoContent());
        });
    }
}
