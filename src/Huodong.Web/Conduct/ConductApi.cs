using Huodong.Web.People;
using Huodong.Web.Shared;

namespace Huodong.Web.Conduct;

/// <summary>API.md "Conduct (M3)": the lexicon, reports, the moderation queue, decisions and appeals.</summary>
public static class ConductApi
{
    public static void MapConductApi(this IEndpointRouteBuilder app)
    {
        var terms = app.MapGroup("/api/conduct/terms").WithTags("Conduct").RequireAuthorization();
        terms.MapGet("/", async (HttpContext http, Lexicon lexicon, CancellationToken ct) =>
            (await lexicon.ListAsync(Actor.From(http.User), ct)).Match(http, l => Results.Ok(new { items = l, total = l.Count })));
        terms.MapPost("/", async (Body<TermInput> body, HttpContext http, Lexicon lexicon, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var input = body.Value!;
            return (await lexicon.AddAsync(Actor.From(http.User), input.Term, input.Action, input.Category, ct))
                .Match(http, t => Results.Created($"/api/conduct/terms/{t.Id}", t));
        });
        terms.MapDelete("/{id:guid}", async (Guid id, HttpContext http, Lexicon lexicon, CancellationToken ct) =>
            (await lexicon.RemoveAsync(Actor.From(http.User), id, ct)).Match(http, Results.NoContent));

        app.MapPost("/api/reports", async (Body<ReportInput> body, HttpContext http, ReportContent uc, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var input = body.Value!;
            return (await uc.ExecuteAsync(Actor.From(http.User), input.TargetType, input.TargetId, input.Reason, ct))
                .Match(http, r => r.Counted ? Results.Created($"/api/moderation/cases/{r.CaseId}", r) : Results.Ok(r));
        }).WithTags("Conduct").RequireAuthorization();

        var cases = app.MapGroup("/api/moderation/cases").WithTags("Conduct").RequireAuthorization();
        cases.MapGet("/", async (HttpContext http, ModerationQueries q, string? status, Guid? activityId, int? page, int? pageSize,
            CancellationToken ct) =>
        {
            if (!EnumNames.TryFilter<CaseStatus>(status, out var s)) return EnumNames.UnknownStatus.ToProblem(http);
            return (await q.QueueAsync(Actor.From(http.User), s, activityId, Paging.From(page, pageSize), ct)).Match(http, Results.Ok);
        });
        cases.MapGet("/{id:guid}", async (Guid id, HttpContext http, ModerationQueries q, CancellationToken ct) =>
            (await q.GetAsync(Actor.From(http.User), id, ct)).Match(http, Results.Ok));
        cases.MapPost("/{id:guid}/decision", async (Guid id, Body<DecisionRequest> body, HttpContext http, DecideCase uc,
            ModerationQueries q, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var actor = Actor.From(http.User);
            var decided = await uc.ExecuteAsync(actor, id, body.Value!, ct);
            if (!decided.IsOk) return decided.Error!.ToProblem(http);
            return (await q.GetAsync(actor, id, ct)).Match(http, Results.Ok);
        });
        cases.MapPost("/{id:guid}/appeal", async (Guid id, Body<AppealInput> body, HttpContext http, AppealCase uc,
            CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            return (await uc.ExecuteAsync(Actor.From(http.User), id, body.Value!.Reason, ct))
                .Match(http, c => Results.Ok(new { c.Id, c.Status, c.AppealReason, c.AppealedAt }));
        });

        app.MapPost("/api/activities/{id:guid}/conduct/scan", async (Guid id, HttpContext http, CheatScan scan, CancellationToken ct) =>
            (await scan.ExecuteAsync(Actor.From(http.User), id, ct)).Match(http, Results.Ok)).WithTags("Conduct").RequireAuthorization();

        app.MapGet("/api/me/cases", async (HttpContext http, ModerationQueries q, CancellationToken ct) =>
        {
            var items = await q.MineAsync(Actor.From(http.User).Id, ct);
            return Results.Ok(new { items, total = items.Count });
        }).WithTags("Me").RequireAuthorization();
    }
}

public sealed record TermInput(string? Term, string? Action, string? Category);
public sealed record ReportInput(string? TargetType, Guid? TargetId, string? Reason);
public sealed record AppealInput(string? Reason);
