using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Evaluation.Feedback;
using Huodong.Web.People;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>Surveys (P2.1, V2.2) and the feedback inbox (V2.3) as JSON routes.</summary>
public static class SurveysApi
{
    public static void MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var surveys = app.MapGroup("/api/surveys").WithTags("Surveys").RequireAuthorization();

        surveys.MapPost("/", async (Body<SurveyInput> body, HttpContext http, BuildSurvey uc, SurveyQueries q, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var actor = Actor.From(http.User);
            var created = await uc.CreateAsync(actor, body.Value!, ct);
            return created.IsOk ? TypedResults.Created($"/api/surveys/{created.Value!.Id}", (await q.GetAsync(actor, created.Value.Id, ct)).Value)
                : created.Error!.ToProblem(http);
        });

        surveys.MapGet("/", async (Guid? activityId, HttpContext http, SurveyQueries q, CancellationToken ct) =>
            (await q.ListAsync(Actor.From(http.User), activityId, ct)).Match(http, list => TypedResults.Ok(new { items = list, total = list.Count })));

        surveys.MapGet("/{id:guid}", async (Guid id, HttpContext http, SurveyQueries q, CancellationToken ct) =>
            (await q.GetAsync(Actor.From(http.User), id, ct)).Match(http, TypedResults.Ok));

        surveys.MapPut("/{id:guid}", async (Guid id, Body<SurveyInput> body, HttpContext http, BuildSurvey uc, SurveyQueries q, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http) : await Then(http, q, await uc.UpdateAsync(Actor.From(http.User), id, body.Value!, ct), ct));

        surveys.MapPost("/{id:guid}/open", async (Guid id, HttpContext http, BuildSurvey uc, SurveyQueries q, CancellationToken ct) =>
            await Then(http, q, await uc.OpenAsync(Actor.From(http.User), id, ct), ct));

        surveys.MapPost("/{id:guid}/close", async (Guid id, HttpContext http, BuildSurvey uc, SurveyQueries q, CancellationToken ct) =>
            await Then(http, q, await uc.CloseAsync(Actor.From(http.User), id, ct), ct));

        surveys.MapPost("/{id:guid}/responses", async (Guid id, Body<ResponseInput> body, HttpContext http, AnswerSurvey uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.SubmitAsync(Actor.From(http.User), id, body.Value!, ct)).Match(http,
                    r => TypedResults.Created($"/api/surveys/{id}/responses/{r.Id}", new { id = r.Id, surveyId = id, submittedAt = r.SubmittedAt })));

        surveys.MapGet("/{id:guid}/results", async (Guid id, HttpContext http, SurveyQueries q, CancellationToken ct) =>
            (await q.ResultsAsync(Actor.From(http.User), id, ct)).Match(http, TypedResults.Ok));

        surveys.MapGet("/{id:guid}/export", async (Guid id, string? format, HttpContext http, SurveyQueries q, SurveyExport export,
            Compliance compliance, AuditLog audit, HuodongDb db, CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            var kind = (format ?? "csv").ToLowerInvariant();
            if (kind is not ("csv" or "xlsx")) return Error.Field("format", "Choose csv or xlsx.").ToProblem(http);
            var (survey, _, refused) = await q.ManagedAsync(actor, id, ct);
            if (refused is not null) return refused.ToProblem(http);
            var reveal = survey!.Questions.Any(x => x.Personal) && (await compliance.RequireAsync(actor, ct)).IsOk;
            // Every export is audited; one with unmasked personal answers is a reveal (S1.3).
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await audit.AppendAsync(actor.Id, "survey.exported", "survey", id.ToString(), new { format = kind, personal = reveal }, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            if (kind == "csv")
                return Results.Stream(stream => export.WriteCsvAsync(stream, survey, reveal, ct), "text/csv; charset=utf-8", $"survey-{id:N}.csv");
            return Results.Stream(async stream =>
            {
                // The workbook is a zip, which needs a seekable stream: it is written to a temporary file as rows come,
                // then copied out, so memory stays flat whatever the number of responses.
                var path = Path.GetTempFileName();
                await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
                await export.WriteXlsxAsync(file, survey, reveal, ct);
                file.Position = 0;
                await file.CopyToAsync(stream, ct);
            }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"survey-{id:N}.xlsx");
        });

        app.MapGet("/api/activities/{id:guid}/surveys", async (Guid id, HttpContext http, SurveyQueries q, CancellationToken ct) =>
            (await q.ForActivityAsync(Actor.From(http.User), id, ct)).Match(http, list => TypedResults.Ok(new { items = list, total = list.Count })))
            .WithTags("Surveys");

        app.MapGet("/api/me/surveys", async (HttpContext http, SurveyQueries q, CancellationToken ct) =>
        {
            var list = await q.MineAsync(Actor.From(http.User), ct);
            return TypedResults.Ok(new { items = list, total = list.Count });
        }).WithTags("Surveys").RequireAuthorization();

        MapFeedback(app);
    }

    private static void MapFeedback(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/activities/{id:guid}/feedback", async (Guid id, Body<FeedbackInput> body, HttpContext http, FeedbackInbox inbox, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await inbox.SendAsync(Actor.From(http.User), id, body.Value!, ct)).Match(http, t => TypedResults.Created($"/api/feedback/{t.Id}", t)))
            .WithTags("Feedback").RequireAuthorization();

        app.MapGet("/api/activities/{id:guid}/feedback", async (Guid id, HttpContext http, FeedbackInbox inbox, CancellationToken ct) =>
            (await inbox.ForStaffAsync(Actor.From(http.User), id, ct)).Match(http, list => TypedResults.Ok(new { items = list, total = list.Count })))
            .WithTags("Feedback").RequireAuthorization();

        app.MapGet("/api/feedback", async (HttpContext http, FeedbackInbox inbox, CancellationToken ct) =>
            (await inbox.ForStaffAsync(Actor.From(http.User), null, ct)).Match(http, list => TypedResults.Ok(new { items = list, total = list.Count })))
            .WithTags("Feedback").RequireAuthorization();

        app.MapGet("/api/feedback/{threadId:guid}", async (Guid threadId, HttpContext http, FeedbackInbox inbox, CancellationToken ct) =>
            (await inbox.GetAsync(Actor.From(http.User), threadId, ct)).Match(http, TypedResults.Ok))
            .WithTags("Feedback").RequireAuthorization();

        app.MapPost("/api/feedback/{threadId:guid}/replies", async (Guid threadId, Body<FeedbackInput> body, HttpContext http, FeedbackInbox inbox, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await inbox.ReplyAsync(Actor.From(http.User), threadId, body.Value!, ct)).Match(http, r => TypedResults.Created($"/api/feedback/{threadId}", r)))
            .WithTags("Feedback").RequireAuthorization();

        app.MapGet("/api/me/feedback", async (HttpContext http, FeedbackInbox inbox, CancellationToken ct) =>
        {
            var list = await inbox.MineAsync(Actor.From(http.User), ct);
            return TypedResults.Ok(new { items = list, total = list.Count });
        }).WithTags("Feedback").RequireAuthorization();
    }

    private static async Task<IResult> Then(HttpContext http, SurveyQueries q, Result<Survey> result, CancellationToken ct) =>
        result.IsOk ? TypedResults.Ok((await q.GetAsync(Actor.From(http.User), result.Value!.Id, ct)).Value) : result.Error!.ToProblem(http);
}
