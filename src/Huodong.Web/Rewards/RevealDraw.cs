using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

/// <summary>
/// Reveals a committed draw (DRAW.md "revealed at the draw"): the seed is decrypted, checked against the
/// commitment and published with the winners it gives; audited as <c>draw.revealed</c>. Two reveals at once race
/// on one conditional UPDATE (…WHERE Id = @id AND Revision = @seen, the <see cref="Draw.Revision"/> token): exactly
/// one changes the row, the other gets 409 <c>already-revealed</c>.
/// </summary>
public sealed class RevealDraw(HuodongDb db, AuditLog audit, FieldProtector protector, TimeProvider time)
{
    public async Task<Result<Draw>> RevealAsync(Actor actor, Guid drawId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var draw = await db.Set<Draw>().FirstOrDefaultAsync(d => d.Id == drawId, ct);
        if (draw is null) return DrawErrors.NotFound;
        var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstOrDefaultAsync(a => a.Id == draw.ActivityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return DrawErrors.NotFound;
        if (!ResultsPermissions.CanDraw(actor, activity)) return Error.Forbidden;
        if (draw.Status != DrawStatus.Committed) return DrawErrors.AlreadyRevealed;
        if (!ResultsPermissions.IsDrawingTime(activity.Status)) return DrawErrors.WrongActivityState(activity.Status);

        var seed = Convert.FromHexString(protector.Decrypt(draw.SealedSeed!, CreateDraw.SeedPurpose(draw.Id)));
        var revealed = draw.Reveal(seed, actor.Id, time.UtcNow());
        if (!revealed.IsOk) return revealed.Error!;
        await audit.AppendAsync(actor.Id, "draw.revealed", "draw", draw.Id.ToString(),
            new { activityId = draw.ActivityId, draw.Number, draw.Seed, winners = draw.Winners }, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DrawErrors.AlreadyRevealed; // another reveal changed the row first
        }
        return draw;
    }
}
