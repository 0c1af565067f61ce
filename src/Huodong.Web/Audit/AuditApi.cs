using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Audit;

/// <summary>API.md: <c>GET /api/audit?…</c> and <c>GET /api/audit/verify</c>.</summary>
public static class AuditApi
{
    public const string ReadPolicy = "audit.read";

    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(ReadPolicy);

        g.MapGet("/", async (HuodongDb db, string? subjectType, string? subjectId, string? code, int? page, int? pageSize,
            CancellationToken ct) =>
        {
            var paging = Paging.From(page, pageSize);
            var q = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrEmpty(subjectType)) q = q.Where(e => e.SubjectType == subjectType);
            if (!string.IsNullOrEmpty(subjectId)) q = q.Where(e => e.SubjectId == subjectId);
            if (!string.IsNullOrEmpty(code)) q = q.Where(e => e.Code.StartsWith(code));
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(e => e.Sequence).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<AuditEntry>(items, total));
        });

        g.MapGet("/verify", async (AuditLog log, CancellationToken ct) =>
        {
            var check = await log.VerifyAsync(ct);
            return Results.Ok(new { ok = check.Ok, entries = check.Entries, brokenAt = check.BrokenAt, reason = check.Reason });
        });
    }

    public static void AddAuditPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationOptions o) =>
        o.AddPolicy(ReadPolicy, p => p.RequireRole(Roles.Admin, Roles.CommunityHead, Roles.Leader, Roles.Finance));
}
