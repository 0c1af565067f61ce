using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Security.Monitoring;

/// <summary>A detector's finding: the count is of events since <see cref="FirstSeen"/> (the open alert's, when there is one).</summary>
public sealed record AlertHit(AlertKind Kind, AlertSeverity Severity, string SubjectKey, string Subject, int Count,
    int WindowMinutes, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>
/// Raises alerts: updates the open alert of the same kind and subject, or opens one. Runs outside any transaction
/// of the caller's (after its own change committed); a detection racing another one for the same subject loses the
/// insert to the filtered unique index and updates the winner's alert instead, so parallel hits never make two.
/// The count only grows (the larger of the stored and the observed one), so the order of parallel updates does not matter.
/// </summary>
public sealed class SecurityAlerts(HuodongDb db, ILogger<SecurityAlerts> log)
{
    /// <summary>When the open alert of this kind and subject was first seen, or null when none is open.</summary>
    public Task<DateTimeOffset?> OpenSinceAsync(AlertKind kind, string subjectKey, CancellationToken ct) =>
        db.Set<SecurityAlert>().AsNoTracking()
            .Where(a => a.Kind == kind && a.SubjectKey == subjectKey && a.Status == AlertStatus.Open)
            .Select(a => (DateTimeOffset?)a.FirstSeen).FirstOrDefaultAsync(ct);

    public async Task RaiseAsync(AlertHit hit, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var updated = await db.Set<SecurityAlert>()
                .Where(a => a.Kind == hit.Kind && a.SubjectKey == hit.SubjectKey && a.Status == AlertStatus.Open)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Count, a => a.Count < hit.Count ? hit.Count : a.Count)
                    .SetProperty(a => a.LastSeen, a => a.LastSeen < hit.LastSeen ? hit.LastSeen : a.LastSeen), ct);
            if (updated > 0) return;
            var alert = new SecurityAlert(hit.Kind, hit.Severity, hit.SubjectKey, hit.Subject, hit.Count, hit.WindowMinutes,
                hit.FirstSeen, hit.LastSeen);
            var entry = db.Add(alert);
            try
            {
                await db.SaveChangesAsync(ct);
                log.LogWarning("Security alert {Kind} ({Severity}) opened: {Count} events.", hit.Kind, hit.Severity, hit.Count);
                return;
            }
            catch (DbUpdateException)
            {
                entry.State = EntityState.Detached; // another detection opened it first: update that one
            }
        }
    }

    public Task<int> OpenCountAsync(CancellationToken ct) =>
        db.Set<SecurityAlert>().CountAsync(a => a.Status == AlertStatus.Open, ct);
}
