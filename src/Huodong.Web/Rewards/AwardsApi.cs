using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Rewards;

/// <summary>
/// API.md "Results and rewards": <c>GET /api/activities/{id}/results</c> (public), <c>GET /api/activities/{id}/awards</c>
/// (public, masked delivery log), <c>POST /api/awards/{id}/deliver</c> (team), <c>POST /api/awards/{id}/confirm</c>
/// (the winner); plus scoring, the ranking, publishing, coupon import, the winner's address, void and close.
/// </summary>
public static class AwardsApi
{
    public static void MapAwardsApi(this IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/api/activities/{id:guid}").WithTags("Results");

        activities.MapGet("/results", async (Guid id, HttpContext http, AwardQueries q, CancellationToken ct) =>
            (await q.ResultsAsync(Actor.From(http.User), id, ct)).Match(http, v => TypedResults.Ok(v))).AllowAnonymous();

        activities.MapPost("/results/publish", async (Guid id, HttpContext http, PublishResults uc, AwardQueries q, CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            var published = await uc.ExecuteAsync(actor, id, ct);
            if (!published.IsOk) return published.Error!.ToProblem(http);
            return (await q.ResultsAsync(actor, id, ct)).Match(http, v => TypedResults.Ok(v));
        }).RequireAuthorization();

        activities.MapGet("/ranking", async (Guid id, HttpContext http, AwardQueries q, CancellationToken ct) =>
            (await q.RankingAsync(Actor.From(http.User), id, ct)).Match(http, list => TypedResults.Ok(new { items = list, total = list.Count, tieRule = Ranking.TieRule })))
            .RequireAuthorization();

        activities.MapGet("/awards", async (Guid id, HttpContext http, AwardQueries q, CancellationToken ct) =>
            (await q.ListAsync(Actor.From(http.User), id, ct)).Match(http, v => TypedResults.Ok(v))).AllowAnonymous();

        activities.MapPost("/coupons", async (Guid id, Body<ImportCouponsInput> body, HttpContext http, ImportCoupons uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.ExecuteAsync(Actor.From(http.User), id, body.Value!, ct)).Match(http, v => TypedResults.Ok(v)))
            .RequireAuthorization();

        activities.MapPost("/close", async (Guid id, HttpContext http, CloseActivity uc, CancellationToken ct) =>
            (await uc.ExecuteAsync(Actor.From(http.User), id, ct)).Match(http, a => TypedResults.Ok(new { id = a.Id, status = a.Status })))
            .RequireAuthorization();

        app.MapPost("/api/submissions/{id:guid}/scores", async (Guid id, Body<ScoreInput> body, HttpContext http, ScoreSubmission uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.ExecuteAsync(Actor.From(http.User), id, body.Value!, ct)).Match(http, s => TypedResults.Ok(new
                {
                    s.Id, s.SubmissionId, s.JudgeId, criteria = s.Marks, s.Total, s.ScoredAt,
                })))
            .WithTags("Results").RequireAuthorization();

        app.MapPost("/api/draws/{id:guid}/awards", async (Guid id, HttpContext http, AwardRedraw uc, CancellationToken ct) =>
            (await uc.ExecuteAsync(Actor.From(http.User), id, ct)).Match(http, list => TypedResults.Ok(new
            {
                items = list.Select(a => new { a.Id, a.RewardName, a.Rank, a.Code, status = a.Status }), total = list.Count,
            })))
            .WithTags("Results").RequireAuthorization();

        var awards = app.MapGroup("/api/awards/{id:guid}").WithTags("Results").RequireAuthorization();

        awards.MapPost("/deliver", async (Guid id, HttpContext http, DeliverAward uc, AwardQueries q, CancellationToken ct) =>
        {
            // Points, coupons and virtual items need no body; a physical prize sends {"trackingNumber"}.
            var input = new DeliverInput(null, null);
            if (http.Request.ContentLength is not 0 && http.Request.HasJsonContentType())
            {
                var body = await Body<DeliverInput>.BindAsync(http, null!);
                if (body!.Error is { } bad) return bad.ToProblem(http);
                input = body.Value!;
            }
            return await Answer(http, q, await uc.ExecuteAsync(Actor.From(http.User), id, input, ct), ct);
        });

        awards.MapPost("/confirm", async (Guid id, HttpContext http, AwardChanges uc, AwardQueries q, CancellationToken ct) =>
            await Answer(http, q, await uc.ConfirmAsync(Actor.From(http.User), id, ct), ct));

        awards.MapPost("/void", async (Guid id, Body<VoidInput> body, HttpContext http, AwardChanges uc, AwardQueries q, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http) : await Answer(http, q, await uc.VoidAsync(Actor.From(http.User), id, body.Value!, ct), ct));

        awards.MapPut("/address", async (Guid id, Body<AddressInput> body, HttpContext http, AwardChanges uc, AwardQueries q, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http) : await Answer(http, q, await uc.SetAddressAsync(Actor.From(http.User), id, body.Value!, ct), ct));

        app.MapGet("/api/me/awards", async (HttpContext http, AwardQueries q, CancellationToken ct) =>
        {
            var mine = await q.MineAsync(Actor.From(http.User), ct);
            return TypedResults.Ok(new { items = mine.Select(m => new { activityTitle = m.Title, award = m.Award }), total = mine.Count });
        }).WithTags("Me").RequireAuthorization();
    }

    /// <summary>The award as the caller now sees it in the activity's list (masked as for them).</summary>
    private static async Task<IResult> Answer(HttpContext http, AwardQueries q, Result<Award> result, CancellationToken ct)
    {
        if (!result.IsOk) return result.Error!.ToProblem(http);
        var list = await q.ListAsync(Actor.From(http.User), result.Value!.ActivityId, ct);
        return list.Match(http, l => TypedResults.Ok(l.Items.First(i => i.Id == result.Value.Id)));
    }
}
