using Huodong.Web.Data;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.People;

/// <summary>Profiles, points and levels: <c>/api/me/profile</c> for members, <c>/api/members</c> for staff.</summary>
public static class MembersApi
{
    public static void MapMembersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/profile", async (HttpContext http, MemberQueries q, CancellationToken ct) =>
            await q.ProfileAsync(Actor.From(http.User).Id, ct) is { } p ? Results.Ok(p) : Members.NotAMember.ToProblem(http))
            .WithTags("Me").RequireAuthorization();

        app.MapPut("/api/me/profile", async (Body<ProfileInput> body, HttpContext http, Members members, MemberQueries q,
            CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var actor = Actor.From(http.User);
            var result = await members.UpdateProfileAsync(actor, body.Value!.Nickname, ct);
            if (!result.IsOk) return result.Error!.ToProblem(http);
            var profile = await q.ProfileAsync(actor.Id, ct);
            return result.Value!.Held ? Results.Accepted("/api/me/profile", profile) : Results.Ok(profile);
        }).WithTags("Me").RequireAuthorization();

        // PIPL: a copy of all my data, and erasure of my account (confirmed with my password).
        app.MapGet("/api/me/data", async (HttpContext http, MemberData data, CancellationToken ct) =>
        {
            var export = await data.ExportAsync(Actor.From(http.User), ct);
            if (!export.IsOk) return export.Error!.ToProblem(http);
            http.Response.Headers.ContentDisposition = "attachment; filename=\"huodong-my-data.json\"";
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(export.Value);
        }).WithTags("Me").RequireAuthorization();

        app.MapDelete("/api/me", async (Body<EraseInput> body, HttpContext http, MemberData data, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var erased = await data.EraseAsync(Actor.From(http.User), body.Value!.Password, ct);
            return erased.IsOk ? Results.NoContent() : erased.Error!.ToProblem(http);
        }).WithTags("Me").RequireAuthorization();

        var g = app.MapGroup("/api/members").WithTags("Members").RequireAuthorization();

        g.MapGet("/", async (HttpContext http, MemberQueries q, int? page, int? pageSize, CancellationToken ct) =>
        {
            var actor = Actor.From(http.User);
            if (!Members.CanManage(actor)) return Error.Forbidden.ToProblem(http);
            return Results.Ok(await q.SearchAsync(http.Request.Query["q"].ToString(), Paging.From(page, pageSize), ct));
        });

        g.MapPost("/{id:guid}/points", async (Guid id, Body<PointsInput> body, HttpContext http, Members members,
            CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            return (await members.AdjustPointsAsync(Actor.From(http.User), id, body.Value!.Delta, body.Value.Reason, ct))
                .Match(http, u => Results.Ok(new { id = u.Id, points = u.PointsBalance, level = u.Level }));
        });

        g.MapPut("/{id:guid}/suspension", async (Guid id, Body<SuspensionInput> body, HttpContext http, Members members,
            CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            return (await members.SuspendAsync(Actor.From(http.User), id, body.Value!.Until, body.Value.Reason, ct))
                .Match(http, u => Results.Ok(new { id = u.Id, suspendedUntil = u.SuspendedUntil }));
        });

        g.MapPut("/{id:guid}/level", async (Guid id, Body<LevelInput> body, HttpContext http, Members members,
            CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            return (await members.SetLevelAsync(Actor.From(http.User), id, body.Value!.Level, ct))
                .Match(http, u => Results.Ok(new { id = u.Id, level = u.Level, levelSetByStaff = u.LevelSetByStaff }));
        });
    }
}

public sealed record ProfileInput(string? Nickname);
public sealed record PointsInput(int Delta, string? Reason);
public sealed record LevelInput(int? Level);
public sealed record SuspensionInput(DateTimeOffset? Until, string? Reason);

/// <summary>Reads of profiles and member lists (account emails are personal data: masked in staff lists).</summary>
public sealed class MemberQueries(HuodongDb db, Members members)
{
    public async Task<MemberProfile?> ProfileAsync(Guid userId, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == userId, ct);
        if (u is null) return null;
        var tasks = await db.CompletedTasks.AsNoTracking().Where(t => t.MemberId == userId)
            .Select(t => new CompletedTaskView(t.TaskKey, t.ActivityId == Guid.Empty ? null : t.ActivityId, t.Source, t.CompletedAt))
            .ToListAsync(ct);
        var ledger = await db.PointsEntries.AsNoTracking().Where(p => p.MemberId == userId)
            .Select(p => new PointsLine(p.Delta, p.Reason, p.ActivityId, p.At)).ToListAsync(ct);
        return new MemberProfile(u.Id, u.Email!, u.DisplayName, u.Level, u.LevelSetByStaff, u.PointsBalance,
            MemberLevels.Thresholds, tasks.OrderBy(t => t.CompletedAt).ToList(), ledger.OrderByDescending(l => l.At).Take(100).ToList());
    }

    public async Task<Page<MemberRow>> SearchAsync(string? query, Paging paging, CancellationToken ct)
    {
        var q = members.MembersOnly().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var term = query.Trim();
            var key = db.AccountKey(term);
            q = q.Where(u => u.DisplayName.Contains(term) || u.NormalizedEmail == key);
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(u => u.DisplayName).Skip(paging.Skip).Take(paging.PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Level, u.LevelSetByStaff, u.PointsBalance }).ToListAsync(ct);
        return new Page<MemberRow>(rows.Select(r => new MemberRow(r.Id, PersonalData.MaskEmail(r.Email ?? ""), r.DisplayName,
            r.Level, r.LevelSetByStaff, r.PointsBalance)).ToList(), total);
    }
}

public sealed record CompletedTaskView(string Key, Guid? ActivityId, string Source, DateTimeOffset CompletedAt);
public sealed record PointsLine(int Delta, string Reason, Guid? ActivityId, DateTimeOffset At);
public sealed record MemberProfile(Guid Id, string Email, string Nickname, int Level, bool LevelSetByStaff, int Points,
    int[] LevelThresholds, List<CompletedTaskView> CompletedTasks, List<PointsLine> Ledger);
public sealed record MemberRow(Guid Id, string Email, string Nickname, int Level, bool LevelSetByStaff, int Points);

public sealed record EraseInput(string? Password);
