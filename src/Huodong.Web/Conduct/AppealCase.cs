using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct;

/// <summary>The member a decision is about appeals it, once, with a reason; it goes back to the queue for another moderator.</summary>
public sealed class AppealCase(HuodongDb db, AuditLog audit, TimeProvider time)
{
    public async Task<Result<ModerationCase>> ExecuteAsync(Actor actor, Guid caseId, string? reason, CancellationToken ct)
    {
        if (!actor.IsSignedIn) return Error.Forbidden;
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
            return Error.Validation(new Dictionary<string, string[]> { ["reason"] = ["Required."] });
        if (why.Length > ModerationCase.MaxNote)
            return Error.Validation(new Dictionary<string, string[]> { ["reason"] = ["Must be at most 1,000 characters."] });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await db.ModerationCases.FirstOrDefaultAsync(x => x.Id == caseId && x.MemberId == actor.Id, ct);
        if (c is null) return ConductErrors.CaseNotFound;
        var appealed = c.Appeal(actor.Id, why, time.UtcNow());
        if (!appealed.IsOk) return appealed.Error!;
        await audit.AppendAsync(actor.Id, "conduct.case.appealed", "case", c.Id.ToString(), new { decision = c.Decision }, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return ConductErrors.AlreadyAppealed; }
        await tx.CommitAsync(ct);
        return c;
    }
}
