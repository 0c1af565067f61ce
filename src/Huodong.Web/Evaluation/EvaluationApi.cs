using Huodong.Web.Data;
using Huodong.Web.Evaluation.Metrics;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation;

/// <summary>API.md "evaluation (V)": an activity's metrics, and the measured values of its plan's goals.</summary>
public static class EvaluationApi
{
    public static void MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var activity = app.MapGroup("/api/activities/{id:guid}").WithTags("Evaluation").RequireAuthorization();

        activity.MapGet("/metrics", async (Guid id, HttpContext http, HuodongDb db, IActivityMetrics metrics, CancellationToken ct) =>
        {
            // A read: no row lock (ActivityStore.FindAsync locks the activity for a change).
            var a = await db.Activities.AsNoTracking().Include(x => x.Team).SingleOrDefaultAsync(x => x.Id == id, ct);
            var actor = Actor.From(http.User);
            if (a is null || !PlanningPermissions.CanSee(actor, a)) return ActivityErrors.NotFound.ToProblem(http);
            if (!EvaluationPermissions.CanSee(actor, a)) return Error.Forbidden.ToProblem(http);
            return TypedResults.Ok(await metrics.ForAsync(id, ct));
        });

        activity.MapPost("/goals", async (Guid id, Body<GoalValueInput> body, HttpContext http, RecordGoalValue uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.ExecuteAsync(Actor.From(http.User), id, body.Value!, ct)).Match(http,
                    g => TypedResults.Ok(new { g.Name, g.Actual, g.RecordedAt })));
    }
}
