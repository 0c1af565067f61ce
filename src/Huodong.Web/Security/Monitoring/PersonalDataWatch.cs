using Huodong.Web.Shared;
using System.Text.Json;
using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Security.Monitoring;

/// <summary>
/// S1.2 / S1.3: a staff member revealing or exporting unusually many personal records. Read from the audit chain's own
/// <c>personal-data.revealed</c> (one record each) and <c>personal-data.exported</c> (its <c>records</c>) entries of the
/// actor within <see cref="AlertOptions.PersonalDataWindowMinutes"/>; run right after each reveal or export commits —
/// one indexed read of that actor's recent entries.
/// </summary>
public sealed class PersonalDataWatch(HuodongDb db, SecurityAlerts alerts, IOptions<AlertOptions> options, TimeProvider time,
    ILogger<PersonalDataWatch> log)
{
    public async Task AfterAsync(Guid actorId, CancellationToken ct)
    {
        try { await DetectAsync(actorId, ct); }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            log.LogWarning(e, "Personal data monitoring skipped for {ActorId}.", actorId);
        }
    }

    private async Task DetectAsync(Guid actorId, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.UtcNow();
        var key = actorId.ToString();
        var since = await alerts.OpenSinceAsync(AlertKind.PersonalDataBurst, key, ct) ?? now.AddMinutes(-o.PersonalDataWindowMinutes);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorId == actorId && e.At >= since
                && (e.Code == PersonalDataReveal.RevealedCode || e.Code == PersonalDataReveal.ExportedCode))
            .Select(e => new { e.At, e.Code, e.Data }).ToListAsync(ct);
        var records = entries.Sum(e => e.Code == PersonalDataReveal.RevealedCode ? 1 : RecordsOf(e.Data));
        if (records < o.PersonalDataRecords) return;
        var name = await db.Users.Where(u => u.Id == actorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "—";
        await alerts.RaiseAsync(new AlertHit(AlertKind.PersonalDataBurst, AlertSeverity.High, key, name, records,
            o.PersonalDataWindowMinutes, entries.Min(e => e.At), now), ct);
    }

    /// <summary>An export's record count; entries written before exports recorded it count as one.</summary>
    private static int RecordsOf(string? data)
    {
        if (data is null) return 1;
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.TryGetProperty("records", out var r) && r.TryGetInt32(out var n) ? Math.Max(1, n) : 1;
    }
}
