using Huodong.Web.Audit;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation;

/// <summary>
/// E1.3: the team runs a readiness check — every registered <see cref="IReadinessProbe"/> runs and the results are
/// kept with the time and who ran it, with a fresh manual checklist to tick — and ticks its items.
/// </summary>
public sealed class ReadinessChecks(ActivityStore store, AuditLog audit, IEnumerable<IReadinessProbe> probes,
    TimeProvider time, ILogger<ReadinessChecks> log)
{
    public async Task<Result<List<ReadinessCheckView>>> HistoryAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var found = await PreparationAccess.ForViewAsync(store.Db, actor, activityId, ct);
        if (!found.IsOk) return found.Error!;
        var checks = await store.Db.ReadinessChecks.AsNoTracking().Include(c => c.Probes).Include(c => c.Items)
            .Where(c => c.ActivityId == activityId).ToListAsync(ct);
        return await ViewsAsync(checks.OrderByDescending(c => c.RanAt).ThenByDescending(c => c.Id).ToList(), ct);
    }

    public async Task<Result<ReadinessCheckView>> RunAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        // Permission and state first, without a transaction: the probes run outside it, because the sandbox probe
        // opens a write transaction of its own (on SQLite a second writer would wait on ours).
        var found = await PreparationAccess.ForViewAsync(store.Db, actor, activityId, ct);
        if (!found.IsOk) return found.Error!;
        var activity = found.Value!;
        if (!PreparationPermissions.CanChange(actor, activity)) return ActivityErrors.NotOnTeam;
        if (!PreparationPermissions.CanRunCheckIn(activity.Status)) return ActivityErrors.WrongState(activity.Status);

        var results = new List<(string, ProbeResult)>();
        foreach (var probe in probes) results.Add((probe.Name, await RunProbeAsync(probe, activity, ct)));

        return await store.InTransactionAsync<ReadinessCheckView>(async () =>
        {
            var check = new ReadinessCheck(activityId, actor.Id, time.UtcNow(), results, Checklist.Defaults);
            store.Db.ReadinessChecks.Add(check);
            await audit.AppendAsync(actor.Id, "readiness.check.ran", "activity", activityId.ToString(), new
            {
                check = check.Id, probes = results.Select(r => new { name = r.Item1, passed = r.Item2.Passed }),
            }, ct);
            return (await ViewsAsync([check], ct))[0];
        }, ct);
    }

    public Task<Result<ReadinessCheckView>> TickAsync(Actor actor, Guid activityId, Guid checkId, string key, bool done, CancellationToken ct) =>
        store.InTransactionAsync<ReadinessCheckView>(async () =>
        {
            var found = await PreparationAccess.ForChangeAsync(store, actor, activityId, ct);
            if (!found.IsOk) return found.Error!;
            var check = await store.Db.ReadinessChecks.Include(c => c.Probes).Include(c => c.Items)
                .FirstOrDefaultAsync(c => c.Id == checkId && c.ActivityId == activityId, ct);
            if (check is null) return PreparationErrors.CheckNotFound;
            var ticked = check.Tick(key, done, actor.Id, time.UtcNow());
            if (!ticked.IsOk) return ticked.Error!;
            await audit.AppendAsync(actor.Id, done ? "readiness.item.ticked" : "readiness.item.unticked", "activity",
                activityId.ToString(), new { check = checkId, key }, ct);
            return (await ViewsAsync([check], ct))[0];
        }, ct);

    private async Task<ProbeResult> RunProbeAsync(IReadinessProbe probe, Activity activity, CancellationToken ct)
    {
        try { return await probe.RunAsync(activity, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Readiness probe {Probe} threw", probe.Name);
            return ProbeResult.Failed($"The check failed with an error: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<List<ReadinessCheckView>> ViewsAsync(List<ReadinessCheck> checks, CancellationToken ct)
    {
        var people = await PreparationAccess.PeopleAsync(store.Db,
            checks.SelectMany(c => c.Items.Select(i => i.DoneBy).Append(c.RanBy)), ct);
        string? Name(Guid? id) => id is { } g && people.TryGetValue(g, out var p) ? p.Name : null;
        return checks.Select(c => new ReadinessCheckView(c.Id, c.ActivityId, c.RanAt, c.RanBy, Name(c.RanBy), c.Passed,
            c.Probes.OrderBy(p => p.Order).Select(p => new ProbeView(p.Name, p.Passed, p.Detail)).ToList(),
            c.Items.OrderBy(i => i.Order).Select(i => new ChecklistItemView(i.Key, i.Title, i.Done, i.DoneBy, Name(i.DoneBy), i.DoneAt)).ToList()))
            .ToList();
    }
}

public sealed record ReadinessCheckView(Guid Id, Guid ActivityId, DateTimeOffset RanAt, Guid RanBy, string? RanByName, bool Passed,
    List<ProbeView> Probes, List<ChecklistItemView> Items);

public sealed record ProbeView(string Name, bool Passed, string Detail);

public sealed record ChecklistItemView(string Key, string Title, bool Done, Guid? DoneBy, string? DoneByName, DateTimeOffset? DoneAt);
