using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Approval;

/// <summary>API.md: <c>POST /api/activities/{id}/reviews</c> and the list of reviews recorded on a plan.</summary>
public static class ApprovalApi
{
    public static void MapApprovalApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/activities/{id:guid}/reviews").WithTags("Approval").RequireAuthorization();

        g.MapPost("/", (Guid id, Body<ReviewInput> body, HttpContext http, ReviewPlan uc, ActivityQueries q, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return Task.FromResult(bad.ToProblem(http));
            var verdict = body.Value!.ToVerdict();
            if (!verdict.IsOk) return Task.FromResult(verdict.Error!.ToProblem(http));
            return PlanningApi.Respond(http, q, uc.ExecuteAsync(Actor.From(http.User), id, verdict.Value!, ct), ct);
        });

        g.MapGet("/", async (Guid id, HttpContext http, ActivityQueries q, CancellationToken ct) =>
            (await q.ReviewsAsync(Actor.From(http.User), id, ct)).Match(http, list => Results.Ok(new { items = list, total = list.Count })));
    }
}

/// <summary>The review body: <c>{"decision":"pass"|"return"|"reject","points":{…},"comment"}</c>.</summary>
public sealed record ReviewInput(string? Decision, Dictionary<string, PointVerdict?>? Points, string? Comment)
{
    public Result<Verdict> ToVerdict()
    {
        var errors = new Dictionary<string, string[]>();
        if (!EnumNames.TryParse<ReviewDecision>(Decision, out var decision))
            errors["decision"] = ["Choose pass, return or reject."];
        var points = new Dictionary<ReviewPoint, PointVerdict>();
        foreach (var (key, value) in Points ?? [])
        {
            if (!EnumNames.TryParse<ReviewPoint>(key, out var point))
                errors[$"points.{key}"] = ["Unknown review point."];
            else if (value is null) errors[$"points.{key}"] = ["Required."];
            else if (value.Comment?.Length > 4000) errors[$"points.{key}.comment"] = ["Must be at most 4,000 characters."];
            else if (value.Comment?.Contains('\0') == true) errors[$"points.{key}.comment"] = [PlanRules.NulCharacter];
            else points[point] = value with { Comment = string.IsNullOrWhiteSpace(value.Comment) ? null : value.Comment.Trim() };
        }
        if (Comment?.Length > 4000) errors["comment"] = ["Must be at most 4,000 characters."];
        else if (Comment?.Contains('\0') == true) errors["comment"] = [PlanRules.NulCharacter];
        if (errors.Count > 0) return Error.Validation(errors);
        return new Verdict(decision, points, string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim());
    }
}
