using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Participation;

/// <summary>API.md "Participation": registrations.</summary>
public static class ParticipationApi
{
    public static void MapParticipationApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/activities/{id:guid}/registrations").WithTags("Participation").RequireAuthorization();

        g.MapPost("/", async (Guid id, Body<RegistrationInput> body, HttpContext http, RegisterMember uc,
            RegistrationQueries q, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var result = await uc.ExecuteAsync(Actor.From(http.User), id, body.Value!, ct);
            if (!result.IsOk) return result.Error!.ToProblem(http);
            var view = await ViewAsync(q, result.Value!, ct);
            return Results.Created($"/api/activities/{id}/registrations/me", view);
        });

        g.MapGet("/me", async (Guid id, HttpContext http, RegistrationQueries q, CancellationToken ct) =>
        {
            var mine = await q.MineAsync(Actor.From(http.User).Id, id, ct);
            return mine is null ? ParticipationErrors.NotRegistered.ToProblem(http) : Results.Ok(await ViewAsync(q, mine, ct));
        });

        g.MapDelete("/me", async (Guid id, HttpContext http, CancelRegistration uc, CancellationToken ct) =>
            (await uc.ExecuteAsync(Actor.From(http.User), id, ct)).Match(http,
                r => Results.Ok(new { id = r.Id, status = RegistrationStatus.Cancelled })));

        g.MapGet("/", async (Guid id, HttpContext http, RegistrationQueries q, string? status, int? page, int? pageSize,
            CancellationToken ct) =>
        {
            if (!EnumNames.TryFilter<RegistrationStatus>(status, out var s)) return EnumNames.UnknownStatus.ToProblem(http);
            return (await q.ListAsync(Actor.From(http.User), id, s, Paging.From(page, pageSize), ct)).Match(http, Results.Ok);
        });

        g.MapGet("/export.csv", async (Guid id, HttpContext http, RegistrationQueries q, ActivityQueries activities,
            Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, string? reason, CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            var found = await activities.GetAsync(actor, id, ct);
            if (!found.IsOk) return found.Error!.ToProblem(http);
            if (!RegistrationQueries.CanList(actor, found.Value!)) return Error.Forbidden.ToProblem(http);
            // S2.1/S2.3: exporting members' personal data needs a signed agreement and passed training, team or not.
            var compliant = await http.RequestServices.GetRequiredService<Security.Compliance>().RequireAsync(actor, ct);
            if (!compliant.IsOk) return compliant.Error!.ToProblem(http);
            // Masked unless a reason is given: then in the clear, audited as personal-data.exported (issue 9 item 3).
            var clear = reason is not null;
            if (clear && await http.RequestServices.GetRequiredService<Security.PersonalDataReveal>()
                    .ExportingAsync(actor, "activity", id, "registrations", reason, ct) is { IsOk: false } refused)
                return refused.Error!.ToProblem(http);
            return Results.Stream(async stream =>
            {
                await using var csv = new CsvWriter(stream);
                await csv.WriteRowAsync([l["Code"], l["Status"], l["Nickname"], l["Level"], l["Real name"], l["Phone"],
                    l["Email"], l["Registered at"]], ct);
                await foreach (var r in q.StreamAsync(id, ct, clear))
                    await csv.WriteRowAsync([r.Code, l[r.Status.ToString()], r.Nickname, r.Level.ToString(), r.RealName,
                        r.Phone, r.Email, r.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'")], ct);
            }, "text/csv; charset=utf-8", $"registrations-{id:N}.csv");
        });

        app.MapGet("/api/activities/{id:guid}/eligibility", async (Guid id, HttpContext http, ActivityQueries activities,
            RegisterMember uc, CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            var found = await activities.GetAsync(actor, id, ct);
            if (!found.IsOk || !found.Value!.IsPublished) return ActivityErrors.NotFound.ToProblem(http);
            var rule = found.Value!.ApprovedPlan!.Eligibility;
            var verdict = await uc.EligibilityOfAsync(actor.Id, id, rule, ct);
            var l = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
            return Results.Ok(new
            {
                eligible = verdict.Eligible,
                reason = verdict.ReasonKey is null ? null : l[verdict.ReasonKey, verdict.Args].Value,
                minLevel = rule?.MinLevel ?? 0,
                requiredTasks = rule?.RequiredTasks ?? [],
                missingTasks = verdict.MissingTasks,
            });
        }).WithTags("Participation").RequireAuthorization();
    }

    private static async Task<RegistrationView> ViewAsync(RegistrationQueries q, Registration r, CancellationToken ct) =>
        new(r.Id, r.ActivityId, r.Status, r.Code, r.Number,
            r.Status == RegistrationStatus.Waitlisted ? await q.WaitlistPositionAsync(r, ct) : null, r.CreatedAt);
}

public sealed record RegistrationView(Guid Id, Guid ActivityId, RegistrationStatus Status, string Code, long Number,
    int? WaitlistPosition, DateTimeOffset CreatedAt);
