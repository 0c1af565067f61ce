using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.LiveOps;

public sealed record IncidentEntryView(int Number, Guid ActorId, string Actor, IncidentAction Action, DateTimeOffset At, string? Text);

public sealed record IncidentView(Guid Id, Guid ActivityId, IncidentKind Kind, IncidentSeverity Severity, string Title,
    string Description, IncidentStatus Status, Guid ReportedById, Guid? AssigneeId, string? Assignee,
    DateTimeOffset OpenedAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ResolvedAt, string? Resolution,
    double? MinutesToResolve, List<IncidentEntryView> Timeline);

/// <summary>Reads of incidents, for those who may handle them (<see cref="LiveOpsPermissions.CanHandleIncidents"/>).</summary>
public sealed class IncidentQueries(HuodongDb db, ActivityQueries activities)
{
    public async Task<Result<List<IncidentView>>> ListAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var found = await activities.GetAsync(actor, activityId, ct);
        if (!found.IsOk) return found.Error!;
        if (!LiveOpsPermissions.CanHandleIncidents(actor, found.Value!)) return Error.Forbidden;
        var incidents = await db.Incidents.AsNoTracking().Include(i => i.Timeline)
            .Where(i => i.ActivityId == activityId).ToListAsync(ct);
        var names = await NamesAsync(incidents, ct);
        // Unresolved first, the most severe first, then the oldest.
        return incidents.OrderBy(i => i.Status == IncidentStatus.Resolved).ThenByDescending(i => i.Severity)
            .ThenBy(i => i.OpenedAt).Select(i => View(i, names)).ToList();
    }

    public async Task<Result<IncidentView>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Include(i => i.Timeline).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return IncidentErrors.NotFound;
        var found = await activities.GetAsync(actor, incident.ActivityId, ct);
        if (!found.IsOk) return IncidentErrors.NotFound;
        if (!LiveOpsPermissions.CanHandleIncidents(actor, found.Value!)) return Error.Forbidden;
        return View(incident, await NamesAsync([incident], ct));
    }

    public async Task<IncidentView> ViewAsync(Incident incident, CancellationToken ct) =>
        View(incident, await NamesAsync([incident], ct));

    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyList<Incident> incidents, CancellationToken ct)
    {
        var ids = incidents.SelectMany(i => i.Timeline.Select(t => t.ActorId).Append(i.AssigneeId ?? Guid.Empty)).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static IncidentView View(Incident i, Dictionary<Guid, string> names) => new(i.Id, i.ActivityId, i.Kind, i.Severity,
        i.Title, i.Description, i.Status, i.ReportedById, i.AssigneeId,
        i.AssigneeId is { } a ? names.GetValueOrDefault(a) : null, i.OpenedAt, i.AcknowledgedAt, i.ResolvedAt, i.Resolution,
        i.TimeToResolve?.TotalMinutes,
        i.Timeline.OrderBy(t => t.Number).Select(t => new IncidentEntryView(t.Number, t.ActorId, names.GetValueOrDefault(t.ActorId) ?? "",
            t.Action, t.At, t.Text)).ToList());
}
