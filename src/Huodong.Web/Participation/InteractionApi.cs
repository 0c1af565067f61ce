using Huodong.Web.People;
using Huodong.Web.Shared;

namespace Huodong.Web.Participation;

/// <summary>API.md "Participation": submissions, the discussion, likes, and live counts.</summary>
public static class InteractionApi
{
    public static void MapInteractionApi(this IEndpointRouteBuilder app)
    {
        var activity = app.MapGroup("/api/activities/{id:guid}").WithTags("Participation");

        activity.MapPost("/submissions", async (Guid id, Body<SubmissionInput> body, HttpContext http, SubmitEntry uc, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            return (await uc.ExecuteAsync(Actor.From(http.User), id, body.Value!.Content, body.Value.TaskKey, ct)).Match(http,
                s => s.Status == SubmissionStatus.Held
                    ? Results.Accepted($"/api/submissions/{s.Id}", new { s.Id, s.Status, s.TaskKey, s.CreatedAt, held = true })
                    : Results.Created($"/api/submissions/{s.Id}", new { s.Id, s.Status, s.TaskKey, s.CreatedAt }));
        }).RequireAuthorization();

        activity.MapGet("/submissions", async (Guid id, HttpContext http, InteractionQueries q, string? status, int? page,
            int? pageSize, CancellationToken ct) =>
        {
            if (!EnumNames.TryFilter<SubmissionStatus>(status, out var s)) return EnumNames.UnknownStatus.ToProblem(http);
            return (await q.SubmissionsAsync(Actor.From(http.User), id, s, Paging.From(page, pageSize), ct)).Match(http, Results.Ok);
        }).RequireAuthorization();

        activity.MapPost("/comments", async (Guid id, Body<CommentInput> body, HttpContext http, Discussion uc, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var input = body.Value!;
            return (await uc.PostAsync(Actor.From(http.User), id, input.Body, input.ParentId, input.IsQuestion == true, ct))
                .Match(http, c => c.IsHeld
                    // M3.2: held for a moderator; only the author sees it meanwhile.
                    ? Results.Accepted($"/api/comments/{c.Id}", new { c.Id, c.ParentId, c.Body, c.IsQuestion, c.IsOfficial, c.CreatedAt, held = true })
                    : Results.Created($"/api/comments/{c.Id}", new { c.Id, c.ParentId, c.Body, c.IsQuestion, c.IsOfficial, c.CreatedAt }));
        }).RequireAuthorization();

        activity.MapGet("/comments", async (Guid id, HttpContext http, InteractionQueries q, int? page, int? pageSize, CancellationToken ct) =>
            (await q.CommentsAsync(Actor.From(http.User), id, Paging.From(page, pageSize ?? 200), ct)).Match(http, Results.Ok));

        activity.MapGet("/questions/unanswered", async (Guid id, HttpContext http, InteractionQueries q, CancellationToken ct) =>
            (await q.UnansweredAsync(Actor.From(http.User), id, ct)).Match(http, l => Results.Ok(new { items = l, total = l.Count })))
            .RequireAuthorization();

        activity.MapGet("/counts", async (Guid id, HttpContext http, InteractionQueries q, CancellationToken ct) =>
            (await q.CountsAsync(Actor.From(http.User), id, ct)).Match(http, Results.Ok)).RequireAuthorization();

        activity.MapGet("/tasks/me", async (Guid id, HttpContext http, Planning.ActivityQueries activities,
            Data.HuodongDb db, CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            var found = await activities.GetAsync(actor, id, ct);
            if (!found.IsOk) return found.Error!.ToProblem(http);
            return Results.Ok(new { items = await TaskProgress.ProgressAsync(db, found.Value!, actor.Id, ct) });
        }).RequireAuthorization();

        app.MapPost("/api/submissions/{sid:guid}/decision", async (Guid sid, Body<DecisionInput> body, HttpContext http,
            DecideSubmission uc, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var decision = body.Value!.Decision?.ToLowerInvariant();
            if (decision is not ("accept" or "reject"))
                return Error.Validation(new Dictionary<string, string[]> { ["decision"] = ["Choose accept or reject."] }).ToProblem(http);
            return (await uc.ExecuteAsync(Actor.From(http.User), sid, decision == "accept", body.Value.Reason, ct))
                .Match(http, s => Results.Ok(new { s.Id, s.Status, s.ReviewNote }));
        }).WithTags("Participation").RequireAuthorization();

        var comments = app.MapGroup("/api/comments/{cid:guid}/like").WithTags("Participation").RequireAuthorization();
        comments.MapPost("/", async (Guid cid, HttpContext http, Discussion uc, CancellationToken ct) =>
            (await uc.LikeAsync(Actor.From(http.User), cid, true, ct)).Match(http, n => Results.Ok(new { likes = n, liked = true })));
        comments.MapDelete("/", async (Guid cid, HttpContext http, Discussion uc, CancellationToken ct) =>
            (await uc.LikeAsync(Actor.From(http.User), cid, false, ct)).Match(http, n => Results.Ok(new { likes = n, liked = false })));
    }
}

public sealed record SubmissionInput(string? Content, string? TaskKey);
public sealed record CommentInput(string? Body, Guid? ParentId, bool? IsQuestion);
public sealed record DecisionInput(string? Decision, string? Reason);
