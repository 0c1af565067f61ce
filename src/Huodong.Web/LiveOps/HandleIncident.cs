using Huodong.Web.Audit;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.LiveOps;

public sealed record OpenIncidentInput(IncidentKind? Kind, IncidentSeverity? Severity, string? Title, string? Description, Guid? AssigneeId);
public sealed record AssignInput(Guid? AssigneeId);
public sealed record TextInput(string? Text);
public sealed record ResolveInput(string? Resolution);

/// <summary>
/// E2.2 incidents, one use case per verb: load, check the actor may handle incidents of the activity, call the
/// incident, write an audit entry (<c>incident.opened</c>, <c>incident.resolved</c>, …), save — in one transaction.
/// </summary>
public sealed class HandleIncident(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public Task<Result<Incident>> OpenAsync(Actor actor, Guid activityId, OpenIncidentInput input, CancellationToken ct) =>
        store.InTransactionAsync<Incident>(async () =>
        {
            var activity = await store.Db.Activities.Include(a => a.Team).AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (!LiveOpsPermissions.CanHandleIncidents(actor, activity)) return Error.Forbidden;
            var errors = new Dictionary<string, string[]>();
            if (input.Kind is null) errors["kind"] = ["Required."];
            if (input.Severity is null) errors["severity"] = ["Required."];
            if (errors.Count > 0) return Error.Validation(errors);
            var now = time.UtcNow();
            var opened = Incident.Open(activityId, actor.Id, input.Kind!.Value, input.Severity!.Value, input.Title, input.Description, now);
            if (!opened.IsOk) return opened.Error!;
            var incident = opened.Value!;
            if (input.AssigneeId is { } assignee)
            {
                if (!await IsStaffAsync(assignee, ct)) return IncidentErrors.AssigneeNotStaff;
                incident.Assign(actor.Id, assignee, now);
            }
            store.Db.Incidents.Add(incident);
            await AuditAsync(actor, "incident.opened", incident, new { activityId, kind = incident.Kind.ToString(),
                severity = incident.Severity.ToString(), incident.Title, assignee = incident.AssigneeId }, ct);
            return incident;
        }, ct);

    public Task<Result<Incident>> AssignAsync(Actor actor, Guid id, Guid? assigneeId, CancellationToken ct) =>
        ChangeAsync(actor, id, "incident.assigned", async (i, now) =>
        {
            if (assigneeId is not { } who || !await IsStaffAsync(who, ct)) return IncidentErrors.AssigneeNotStaff;
            return i.Assign(actor.Id, who, now);
        }, i => new { assignee = i.AssigneeId }, ct);

    public Task<Result<Incident>> AcknowledgeAsync(Actor actor, Guid id, CancellationToken ct) =>
        ChangeAsync(actor, id, "incident.acknowledged", (i, now) => Task.FromResult(i.Acknowledge(actor.Id, now)),
            i => new { assignee = i.AssigneeId }, ct);

    public Task<Result<Incident>> CommentAsync(Actor actor, Guid id, string? text, CancellationToken ct) =>
        ChangeAsync(actor, id, "incident.commented", (i, now) => Task.FromResult(i.Comment(actor.Id, text, now)),
            i => new { entry = i.Timeline.Count }, ct);

    public Task<Result<Incident>> ResolveAsync(Actor actor, Guid id, string? resolution, CancellationToken ct) =>
        ChangeAsync(actor, id, "incident.resolved", (i, now) => Task.FromResult(i.Resolve(actor.Id, resolution, now)),
            i => new { i.Resolution, minutesToResolve = i.TimeToResolve?.TotalMinutes }, ct);

    private Task<Result<Incident>> ChangeAsync(Actor actor, Guid id, string code, Func<Incident, DateTimeOffset, Task<Result>> change,
        Func<Incident, object> data, CancellationToken ct) =>
        store.InTransactionAsync<Incident>(async () =>
        {
            var incident = await store.Db.Incidents.Include(i => i.Timeline).FirstOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null) return IncidentErrors.NotFound;
            var activity = await store.Db.Activities.Include(a => a.Team).AsNoTracking()
                .FirstOrDefaultAsync(a => a.Id == incident.ActivityId, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return IncidentErrors.NotFound;
            if (!LiveOpsPermissions.CanHandleIncidents(actor, activity)) return Error.Forbidden;
            var result = await change(incident, time.UtcNow());
            if (!result.IsOk) return result.Error!;
            await AuditAsync(actor, code, incident, data(incident), ct);
            return incident;
        }, ct);

    private Task AuditAsync(Actor actor, string code, Incident incident, object data, CancellationToken ct) =>
        audit.AppendAsync(actor.Id, code, "incident", incident.Id.ToString(), data, ct);

    private Task<bool> IsStaffAsync(Guid userId, CancellationToken ct)
    {
        var db = store.Db;
        var staffRoleIds = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
        return db.UserRoles.AnyAsync(ur => ur.UserId == userId && staffRoleIds.Contains(ur.RoleId), ct);
    }
}
