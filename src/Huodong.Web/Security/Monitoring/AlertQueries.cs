using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Security.Monitoring;

public sealed record AlertView(Guid Id, AlertKind Kind, AlertSeverity Severity, string Subject, int Count, int WindowMinutes,
    DateTimeOffset FirstSeen, DateTimeOffset LastSeen, AlertStatus Status, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt,
    string? AcknowledgeNote);

/// <summary>The alerts list for the console page and <c>GET /api/security/alerts</c>: open first, newest first.</summary>
public sealed class AlertQueries(HuodongDb db)
{
    public async Task<Result<Page<AlertView>>> ListAsync(Actor actor, bool openOnly, Paging paging, CancellationToken ct)
    {
        if (!MonitoringPermissions.CanSeeAlerts(actor)) return Error.Forbidden;
        var q = db.Set<SecurityAlert>().AsNoTracking();
        if (openOnly) q = q.Where(a => a.Status == AlertStatus.Open);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(a => a.Status == AlertStatus.Open ? 0 : 1).ThenByDescending(a => a.LastSeen)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ackers = rows.Select(r => r.AcknowledgedBy).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => ackers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new Page<AlertView>(rows.Select(a => new AlertView(a.Id, a.Kind, a.Severity, a.Subject, a.Count, a.WindowMinutes,
            a.FirstSeen, a.LastSeen, a.Status, a.AcknowledgedBy is { } by ? names.GetValueOrDefault(by, "—") : null,
            a.AcknowledgedAt, a.AcknowledgeNote)).ToList(), total);
    }
}
