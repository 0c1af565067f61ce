using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

/// <summary>
/// E3.2 "delivered promptly": awards still pending past their deadline alert the activity's team — once per award,
/// claimed by a conditional UPDATE (…AND OverdueAlertedAt IS NULL) so two instances never alert twice — with an
/// in-app notification (emailed through the outbox to those who opt in). The console awards page shows the same.
/// </summary>
public sealed class OverdueAwards(HuodongDb db, AuditLog audit, TimeProvider time)
{
    /// <summary>Alerts the teams of every activity with newly overdue awards; returns how many awards were alerted.</summary>
    public async Task<int> AlertAsync(CancellationToken ct)
    {
        var now = time.UtcNow();
        var due = await db.Set<Award>().AsNoTracking()
            .Where(a => a.Status == AwardStatus.Pending && a.DueAt < now && a.OverdueAlertedAt == null)
            .Select(a => new { a.Id, a.ActivityId }).ToListAsync(ct);
        var alerted = 0;
        foreach (var group in due.GroupBy(a => a.ActivityId))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var ids = group.Select(a => a.Id).ToList();
            var claimed = await db.Set<Award>().Where(a => ids.Contains(a.Id) && a.OverdueAlertedAt == null && a.Status == AwardStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.OverdueAlertedAt, now), ct);
            if (claimed == 0) continue;
            var activity = await AwardAccess.ActivityAsync(db, group.Key, ct);
            foreach (var member in activity!.Team)
                Notifier.Notify(db, member.UserId, NotificationKind.AwardsOverdue, activity.Id, activity.Title, now,
                    claimed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await audit.AppendAsync(null, "awards.overdue", "activity", activity.Id.ToString(), new { awards = claimed }, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            alerted += claimed;
        }
        return alerted;
    }
}

/// <summary>Runs <see cref="OverdueAwards"/> hourly, alongside the scheduler (off when <c>Scheduler:Enabled</c> is false, as in tests).</summary>
public sealed class OverdueAwardsService(IServiceScopeFactory scopes, IConfiguration config, ILogger<OverdueAwardsService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!config.GetValue("Scheduler:Enabled", true)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<OverdueAwards>().AlertAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Overdue award alerts failed; trying again in an hour.");
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
