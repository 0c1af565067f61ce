using Huodong.Web.Audit;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation;

/// <summary>E1.1: the team plans the activity's duties and names a staff member for each.</summary>
public sealed class Staffing(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public async Task<Result<List<DutyView>>> ListAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var found = await PreparationAccess.ForViewAsync(store.Db, actor, activityId, ct);
        if (!found.IsOk) return found.Error!;
        var duties = await store.Db.Duties.AsNoTracking().Where(d => d.ActivityId == activityId).ToListAsync(ct);
        return await ViewsAsync(duties.OrderBy(d => d.From).ThenBy(d => d.Kind).ToList(), ct);
    }

    public Task<Result<DutyView>> AddAsync(Actor actor, Guid activityId, DutyInput input, CancellationToken ct) =>
        store.InTransactionAsync<DutyView>(async () =>
        {
            var found = await PreparationAccess.ForChangeAsync(store, actor, activityId, ct);
            if (!found.IsOk) return found.Error!;
            var assignee = await PreparationAccess.StaffAsync(store.Db, input.AssigneeEmail, "assigneeEmail", ct);
            if (!assignee.IsOk) return assignee.Error!;
            var duty = Duty.Create(activityId, input, assignee.Value, time.UtcNow());
            if (!duty.IsOk) return duty.Error!;
            store.Db.Duties.Add(duty.Value!);
            await AuditAsync(actor, "duty.added", duty.Value!, ct);
            return (await ViewsAsync([duty.Value!], ct))[0];
        }, ct);

    /// <summary>Suggests the usual staffing for an empty plan: a host and a moderator on watch for the whole activity.</summary>
    public Task<Result<List<DutyView>>> AddDefaultsAsync(Actor actor, Guid activityId, CancellationToken ct) =>
        store.InTransactionAsync<List<DutyView>>(async () =>
        {
            var found = await PreparationAccess.ForChangeAsync(store, actor, activityId, ct);
            if (!found.IsOk) return found.Error!;
            var a = found.Value!;
            if (await store.Db.Duties.AnyAsync(d => d.ActivityId == activityId, ct)) return PreparationErrors.DutiesExist;
            if (a.StartsAt is not { } from || a.EndsAt is not { } to) return PreparationErrors.NoSchedule;
            var now = time.UtcNow();
            var duties = new[] { (DutyKind.Host, "Host"), (DutyKind.ModeratorOnWatch, "Moderator on watch") }
                .Select(d => Duty.Create(activityId, new DutyInput(d.Item1, d.Item2, from, to, null), null, now).Value!).ToList();
            store.Db.Duties.AddRange(duties);
            foreach (var d in duties) await AuditAsync(actor, "duty.added", d, ct);
            return await ViewsAsync(duties, ct);
        }, ct);

    public Task<Result<DutyView>> UpdateAsync(Actor actor, Guid dutyId, DutyInput input, CancellationToken ct) =>
        store.InTransactionAsync<DutyView>(async () =>
        {
            var duty = await store.Db.Duties.FirstOrDefaultAsync(d => d.Id == dutyId, ct);
            if (duty is null) return PreparationErrors.DutyNotFound;
            var found = await PreparationAccess.ForChangeAsync(store, actor, duty.ActivityId, ct);
            if (!found.IsOk) return found.Error!.Kind == ErrorKind.NotFound ? PreparationErrors.DutyNotFound : found.Error!;
            var assignee = await PreparationAccess.StaffAsync(store.Db, input.AssigneeEmail, "assigneeEmail", ct);
            if (!assignee.IsOk) return assignee.Error!;
            var changed = duty.Update(input, assignee.Value, time.UtcNow());
            if (!changed.IsOk) return changed.Error!;
            await AuditAsync(actor, "duty.updated", duty, ct);
            return (await ViewsAsync([duty], ct))[0];
        }, ct);

    public Task<Result<bool>> DeleteAsync(Actor actor, Guid dutyId, CancellationToken ct) =>
        store.InTransactionAsync<bool>(async () =>
        {
            var duty = await store.Db.Duties.FirstOrDefaultAsync(d => d.Id == dutyId, ct);
            if (duty is null) return PreparationErrors.DutyNotFound;
            var found = await PreparationAccess.ForChangeAsync(store, actor, duty.ActivityId, ct);
            if (!found.IsOk) return found.Error!.Kind == ErrorKind.NotFound ? PreparationErrors.DutyNotFound : found.Error!;
            store.Db.Duties.Remove(duty);
            await AuditAsync(actor, "duty.removed", duty, ct);
            return true;
        }, ct);

    private Task AuditAsync(Actor actor, string code, Duty d, CancellationToken ct) =>
        audit.AppendAsync(actor.Id, code, "activity", d.ActivityId.ToString(),
            new { duty = d.Id, kind = d.Kind.ToString(), d.Title, d.From, d.To, assignee = d.AssigneeId }, ct);

    private async Task<List<DutyView>> ViewsAsync(List<Duty> duties, CancellationToken ct)
    {
        var people = await PreparationAccess.PeopleAsync(store.Db, duties.Select(d => d.AssigneeId), ct);
        return duties.Select(d =>
        {
            var who = d.AssigneeId is { } id && people.TryGetValue(id, out var p) ? p : default;
            return new DutyView(d.Id, d.ActivityId, d.Kind, d.Title, d.From, d.To, d.AssigneeId, who.Email, who.Name, d.IsStaffed);
        }).ToList();
    }
}

public sealed record DutyView(Guid Id, Guid ActivityId, DutyKind Kind, string Title, DateTimeOffset From, DateTimeOffset To,
    Guid? AssigneeId, string? AssigneeEmail, string? AssigneeName, bool Staffed);
