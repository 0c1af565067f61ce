using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Security.Monitoring;

public sealed record AcknowledgeInput(string? Note);

/// <summary>An admin acknowledges an open alert with a note saying what was done (S1.2 "handled promptly"); audited.</summary>
public sealed class AcknowledgeAlert(HuodongDb db, AuditLog audit, TimeProvider time)
{
    public const string Code = "security.alert.acknowledged";

    public async Task<Result> ExecuteAsync(Actor actor, Guid alertId, AcknowledgeInput input, CancellationToken ct)
    {
        if (!MonitoringPermissions.CanSeeAlerts(actor)) return Error.Forbidden;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var alert = await db.Set<SecurityAlert>().FirstOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null) return MonitoringErrors.AlertNotFound;
        var done = alert.Acknowledge(actor.Id, input.Note, time.UtcNow());
        if (!done.IsOk) return done;
        await audit.AppendAsync(actor.Id, Code, "security-alert", alert.Id.ToString(),
            new { kind = alert.Kind.ToString(), subject = alert.Subject, count = alert.Count, note = alert.AcknowledgeNote }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok;
    }
}
