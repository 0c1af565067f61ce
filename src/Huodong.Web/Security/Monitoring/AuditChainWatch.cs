using Huodong.Web.Shared;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Huodong.Web.Security.Monitoring;

/// <summary>
/// S1.2 / ASVS V16.4.2: the audit chain is verified on a schedule, not only when someone asks. Each run is recorded
/// (the latest is shown on the alerts page); a break raises a critical alert naming the first entry that does not hold.
/// </summary>
public sealed class AuditChainWatch(HuodongDb db, AuditLog audit, SecurityAlerts alerts, TimeProvider time, ILogger<AuditChainWatch> log)
{
    public async Task<AuditChainCheck> RunAsync(CancellationToken ct)
    {
        var check = await audit.VerifyAsync(ct);
        var now = time.UtcNow();
        var record = new AuditChainCheck(now, check.Ok, check.Entries, check.BrokenAt, check.Reason);
        db.Add(record);
        await db.SaveChangesAsync(ct);
        if (check is { Ok: false, BrokenAt: { } at })
        {
            log.LogError("The audit chain breaks at entry {Sequence} ({Reason}).", at, check.Reason);
            await alerts.RaiseAsync(new AlertHit(AlertKind.AuditChainBroken, AlertSeverity.Critical, at.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"#{at} ({check.Reason})", 1, 0, now, now), ct);
        }
        return record;
    }

    public Task<AuditChainCheck?> LatestAsync(CancellationToken ct) =>
        db.Set<AuditChainCheck>().AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
}

/// <summary>Quartz's daily firing of <see cref="AuditChainWatch"/> (<c>Security:Alerts:AuditVerifyCron</c>).</summary>
[DisallowConcurrentExecution]
public sealed class AuditVerifyJob(AuditChainWatch watch) : IJob
{
    public static readonly JobKey Key = new("audit-verify", "security");
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await watch.RunAsync(ct);
}
