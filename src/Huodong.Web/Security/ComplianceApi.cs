using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Security;

/// <summary>S2.1/S2.3 through the API: the agreement (published by Admin, signed by staff) and training records.</summary>
public static class ComplianceApi
{
    public static void MapComplianceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/compliance", async (HttpContext http, Compliance compliance, CancellationToken ct) =>
            Results.Ok(await compliance.StatusAsync(Actor.From(http.User).Id, ct))).WithTags("Me").RequireAuthorization();

        var g = app.MapGroup("/api/compliance").WithTags("Compliance").RequireAuthorization();
        // The staff confidentiality agreement is for staff to read and sign (S2.1), not for members.
        g.MapGet("/agreements/current", async (HttpContext http, Data.HuodongDb db, CancellationToken ct) =>
            !Actor.From(http.User).IsStaff ? Error.Forbidden.ToProblem(http)
            : await db.Set<AgreementVersion>().AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct) is { } v
                ? Results.Ok(v) : Results.NotFound());
        g.MapPost("/agreements", async (Body<AgreementInput> body, HttpContext http, Compliance compliance, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            return (await compliance.PublishAsync(Actor.From(http.User), body.Value!.Text, ct))
                .Match(http, v => Results.Created("/api/compliance/agreements/current", v));
        });
        g.MapPost("/agreements/current/sign", async (HttpContext http, Compliance compliance, CancellationToken ct) =>
            (await compliance.SignAsync(Actor.From(http.User), ct)).Match(http, Results.Ok));
        g.MapPost("/training", async (Body<TrainingInput> body, HttpContext http, Compliance compliance, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            return (await compliance.RecordTrainingAsync(Actor.From(http.User), body.Value!, ct))
                .Match(http, r => Results.Created($"/api/compliance/training/{r.Id}", r));
        });
    }
}

/// <summary>Issue 9 item 3: <c>POST /api/personal-data/reveal</c> — one personal value in the clear, with a reason, audited.</summary>
public static class PersonalDataApi
{
    public static void MapPersonalDataApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/personal-data/reveal", async (Body<RevealInput> body, HttpContext http, PersonalDataReveal reveal, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            return (await reveal.RevealAsync(Actor.From(http.User), body.Value!, ct)).Match(http, Results.Ok);
        }).WithTags("Compliance").RequireAuthorization();
}
