using Huodong.Web.Audit;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation;

/// <summary>E1.2: the team tracks prizes, promotional material and equipment until each is ready.</summary>
public sealed class Materials(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public async Task<Result<List<MaterialView>>> ListAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var found = await PreparationAccess.ForViewAsync(store.Db, actor, activityId, ct);
        if (!found.IsOk) return found.Error!;
        var items = await store.Db.Materials.AsNoTracking().Where(m => m.ActivityId == activityId).ToListAsync(ct);
        return await ViewsAsync(items.OrderBy(m => m.Kind).ThenBy(m => m.Name).ToList(), ct);
    }

    public Task<Result<MaterialView>> AddAsync(Actor actor, Guid activityId, MaterialInput input, CancellationToken ct) =>
        store.InTransactionAsync<MaterialView>(async () =>
        {
            var found = await PreparationAccess.ForChangeAsync(store, actor, activityId, ct);
            if (!found.IsOk) return found.Error!;
            var owner = await PreparationAccess.StaffAsync(store.Db, input.OwnerEmail, "ownerEmail", ct);
            if (!owner.IsOk) return owner.Error!;
            var material = Material.Create(activityId, input, owner.Value, time.UtcNow());
            if (!material.IsOk) return material.Error!;
            store.Db.Materials.Add(material.Value!);
            await AuditAsync(actor, "material.added", material.Value!, ct);
            return (await ViewsAsync([material.Value!], ct))[0];
        }, ct);

    public Task<Result<MaterialView>> UpdateAsync(Actor actor, Guid materialId, MaterialInput input, CancellationToken ct) =>
        store.InTransactionAsync<MaterialView>(async () =>
        {
            var material = await store.Db.Materials.FirstOrDefaultAsync(m => m.Id == materialId, ct);
            if (material is null) return PreparationErrors.MaterialNotFound;
            var found = await PreparationAccess.ForChangeAsync(store, actor, material.ActivityId, ct);
            if (!found.IsOk) return found.Error!.Kind == ErrorKind.NotFound ? PreparationErrors.MaterialNotFound : found.Error!;
            var owner = await PreparationAccess.StaffAsync(store.Db, input.OwnerEmail, "ownerEmail", ct);
            if (!owner.IsOk) return owner.Error!;
            var changed = material.Update(input, owner.Value, time.UtcNow());
            if (!changed.IsOk) return changed.Error!;
            await AuditAsync(actor, "material.updated", material, ct);
            return (await ViewsAsync([material], ct))[0];
        }, ct);

    public Task<Result<bool>> DeleteAsync(Actor actor, Guid materialId, CancellationToken ct) =>
        store.InTransactionAsync<bool>(async () =>
        {
            var material = await store.Db.Materials.FirstOrDefaultAsync(m => m.Id == materialId, ct);
            if (material is null) return PreparationErrors.MaterialNotFound;
            var found = await PreparationAccess.ForChangeAsync(store, actor, material.ActivityId, ct);
            if (!found.IsOk) return found.Error!.Kind == ErrorKind.NotFound ? PreparationErrors.MaterialNotFound : found.Error!;
            store.Db.Materials.Remove(material);
            await AuditAsync(actor, "material.removed", material, ct);
            return true;
        }, ct);

    private Task AuditAsync(Actor actor, string code, Material m, CancellationToken ct) =>
        audit.AppendAsync(actor.Id, code, "activity", m.ActivityId.ToString(), new
        {
            material = m.Id, m.Name, kind = m.Kind.ToString(), needed = m.QuantityNeeded, inHand = m.QuantityInHand,
            status = m.Status.ToString(), owner = m.OwnerId,
        }, ct);

    private async Task<List<MaterialView>> ViewsAsync(List<Material> items, CancellationToken ct)
    {
        var people = await PreparationAccess.PeopleAsync(store.Db, items.Select(m => m.OwnerId), ct);
        return items.Select(m =>
        {
            var who = m.OwnerId is { } id && people.TryGetValue(id, out var p) ? p : default;
            return new MaterialView(m.Id, m.ActivityId, m.Name, m.Kind, m.QuantityNeeded, m.QuantityInHand, m.OwnerId,
                who.Email, who.Name, m.Status, m.Note, m.IsReady);
        }).ToList();
    }
}

public sealed record MaterialView(Guid Id, Guid ActivityId, string Name, MaterialKind Kind, int QuantityNeeded, int QuantityInHand,
    Guid? OwnerId, string? OwnerEmail, string? OwnerName, MaterialStatus Status, string? Note, bool Ready);
