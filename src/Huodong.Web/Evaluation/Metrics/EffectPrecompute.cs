using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Metrics;

/// <summary>
/// Computes and keeps the effect figures of recently ended activities as their windows close (at the end, 7 and 30
/// days after), so that reading an evaluation never waits for the one pass over the community's events. Runs beside
/// the scheduler (off when <c>Scheduler:Enabled</c> is false, as in tests, where the first read computes them).
/// </summary>
public sealed class EffectPrecompute(IServiceScopeFactory scopes, IConfiguration config, TimeProvider time,
    ILogger<EffectPrecompute> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!config.GetValue("Scheduler:Enabled", true)) return;
        using var timer = new PeriodicTimer(config.GetValue("Evaluation:EffectRefresh", TimeSpan.FromMinutes(15)), time);
        do
        {
            try { await RunOnceAsync(ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Precomputing effect figures failed; trying again at the next round.");
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HuodongDb>();
        var effects = scope.ServiceProvider.GetRequiredService<EffectCalculator>();
        var now = time.GetUtcNow();
        var recent = await db.Activities.AsNoTracking()
            .Where(a => a.EndsAt != null && a.EndsAt <= now && a.EndsAt > now.AddDays(-31)
                && (a.Status == ActivityStatus.Ended || a.Status == ActivityStatus.ResultsPublished || a.Status == ActivityStatus.Closed))
            .Select(a => new { a.Id, a.StartsAt, a.EndsAt })
            .ToListAsync(ct);
        foreach (var a in recent)
            await effects.ForAsync(a.Id, a.StartsAt, a.EndsAt, ActivityParticipants.Of(db, a.Id), ct);
    }
}
