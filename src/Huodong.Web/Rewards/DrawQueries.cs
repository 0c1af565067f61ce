using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

/// <summary>
/// GET /api/draws/{id} (DRAW.md): every input needed to re-run the draw. The seed and the winners appear only once
/// it is revealed; entrants are codes, never personal data.
/// </summary>
public sealed record DrawView(Guid Id, Guid ActivityId, int Number, string? RewardName, string Algorithm, DrawStatus Status,
    IReadOnlyList<string> Entrants, string EntrantsHash, string Commitment, string PublicEntropy, int WinnersCount,
    string? Seed, IReadOnlyList<string>? Winners, Guid? RedrawOf, DateTimeOffset CreatedAt, DateTimeOffset? RevealedAt)
{
    public static DrawView Of(Draw d) => new(d.Id, d.ActivityId, d.Number, d.RewardName, DrawProtocol.Algorithm, d.Status,
        d.Entrants, d.EntrantsHash, d.Commitment, d.PublicEntropy, d.WinnersCount, d.Seed, d.Winners, d.RedrawOf,
        d.CreatedAt, d.RevealedAt);
}

/// <summary>Reading draws: public (anonymous too) for any activity the reader may see, which an ended one is.</summary>
public sealed class DrawQueries(HuodongDb db)
{
    public async Task<Result<DrawView>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var draw = await db.Set<Draw>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draw is null || !await CanSeeActivityAsync(actor, draw.ActivityId, ct)) return DrawErrors.NotFound;
        return DrawView.Of(draw);
    }

    /// <summary>The activity's draws in the order they were made, or not found when the reader may not see it.</summary>
    public async Task<Result<List<DrawView>>> ListAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        if (!await CanSeeActivityAsync(actor, activityId, ct)) return ActivityErrors.NotFound;
        var draws = await db.Set<Draw>().AsNoTracking().Where(d => d.ActivityId == activityId).OrderBy(d => d.Number).ToListAsync(ct);
        return draws.Select(DrawView.Of).ToList();
    }

    private async Task<bool> CanSeeActivityAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
        return activity is not null && PlanningPermissions.CanSee(actor, activity);
    }
}
