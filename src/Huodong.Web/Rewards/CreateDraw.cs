using Huodong.Web.Audit;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

public sealed record CreateDrawInput(int? WinnersCount, string? PublicEntropy, string? RewardName);
public sealed record RedrawInput(int? WinnersCount, string? PublicEntropy);

/// <summary>
/// Commits a draw (DRAW.md "published when the draw is created"): the team of an ended activity freezes the codes
/// of its Confirmed registrations (a cancelled, waitlisted or disqualified member is not Confirmed), a fresh seed
/// from the CSPRNG is committed to and kept encrypted, and the creation is audited (<c>draw.created</c>).
/// A redraw replaces a forfeited prize with a new committed draw over the original entrants who have not won.
/// </summary>
public sealed class CreateDraw(ActivityStore store, AuditLog audit, FieldProtector protector, TimeProvider time)
{
    public Task<Result<Draw>> CreateAsync(Actor actor, Guid activityId, CreateDrawInput input, CancellationToken ct) =>
        store.InTransactionAsync<Draw>(async () =>
        {
            var activity = await store.FindAsync(activityId, ct); // locks the activity: draws are numbered in turn
            if (CheckActivity(actor, activity) is { } refused) return refused;
            if (!string.IsNullOrWhiteSpace(input.RewardName) && input.RewardName.Length <= Draw.MaxRewardName
                && !(activity!.ApprovedPlan?.Rewards ?? []).Any(r => r.Rule == RewardRule.Draw && r.Name == input.RewardName.Trim()))
                return DrawErrors.UnknownReward;
            var entrants = await ConfirmedCodesAsync(activityId, ct);
            return await CommitAsync(actor, activity!, input.RewardName, entrants, input.WinnersCount, input.PublicEntropy, null, ct);
        }, ct);

    /// <summary>
    /// A forfeited prize (DRAW.md): a new draw with its own commitment over the entrants of the original draw who
    /// are still Confirmed and have won neither in it nor in any earlier redraw of it. The source must be revealed,
    /// and no other redraw of the same original may be waiting to be revealed.
    /// </summary>
    public Task<Result<Draw>> RedrawAsync(Actor actor, Guid drawId, RedrawInput input, CancellationToken ct) =>
        store.InTransactionAsync<Draw>(async () =>
        {
            var source = await store.Db.Set<Draw>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == drawId, ct);
            if (source is null) return DrawErrors.NotFound;
            var activity = await store.FindAsync(source.ActivityId, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return DrawErrors.NotFound;
            if (CheckActivity(actor, activity) is { } refused) return refused;
            if (source.Status != DrawStatus.Revealed) return DrawErrors.NotRevealed;

            var originalId = source.RedrawOf ?? source.Id;
            var chain = await store.Db.Set<Draw>().AsNoTracking()
                .Where(d => d.Id == originalId || d.RedrawOf == originalId).ToListAsync(ct);
            if (chain.Any(d => d.Status == DrawStatus.Committed)) return DrawErrors.RedrawPending;
            var original = chain.Single(d => d.Id == originalId);
            var won = chain.SelectMany(d => d.Winners ?? []).ToHashSet(StringComparer.Ordinal);
            var stillConfirmed = (await ConfirmedCodesAsync(activity.Id, ct)).ToHashSet(StringComparer.Ordinal);
            var entrants = original.Entrants.Where(c => !won.Contains(c) && stillConfirmed.Contains(c));
            return await CommitAsync(actor, activity, original.RewardName, entrants, input.WinnersCount ?? 1,
                input.PublicEntropy, originalId, ct);
        }, ct);

    private static Error? CheckActivity(Actor actor, Activity? activity)
    {
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
        if (!ResultsPermissions.CanDraw(actor, activity)) return Error.Forbidden;
        if (!ResultsPermissions.IsDrawingTime(activity.Status)) return DrawErrors.WrongActivityState(activity.Status);
        return null;
    }

    private async Task<List<string>> ConfirmedCodesAsync(Guid activityId, CancellationToken ct) =>
        (await store.Db.Registrations.AsNoTracking()
            .Where(r => r.ActivityId == activityId && r.Status == RegistrationStatus.Confirmed)
            .Select(r => r.Number).ToListAsync(ct))
        .Select(Registration.CodeFor).ToList();

    private async Task<Result<Draw>> CommitAsync(Actor actor, Activity activity, string? rewardName, IEnumerable<string> entrants,
        int? winnersCount, string? publicEntropy, Guid? redrawOf, CancellationToken ct)
    {
        var db = store.Db;
        var number = (await db.Set<Draw>().Where(d => d.ActivityId == activity.Id).MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1;
        var seed = DrawProtocol.NewSeed();
        try
        {
            var committed = Draw.Commit(activity.Id, number, rewardName, entrants, winnersCount, publicEntropy, redrawOf,
                seed, SealSeed, actor.Id, time.UtcNow());
            if (!committed.IsOk) return committed.Error!;
            var draw = committed.Value!;
            db.Set<Draw>().Add(draw);
            await audit.AppendAsync(actor.Id, "draw.created", "draw", draw.Id.ToString(), new
            {
                activityId = activity.Id, draw.Number, draw.RewardName, draw.EntrantsCount, draw.EntrantsHash,
                draw.Commitment, draw.PublicEntropy, draw.WinnersCount, draw.RedrawOf,
            }, ct);
            return draw;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        }
    }

    private string SealSeed(Guid drawId, byte[] seed) => protector.Encrypt(Convert.ToHexStringLower(seed), SeedPurpose(drawId));

    /// <summary>The seed's ciphertext is bound to its draw: it cannot be moved to another draw's row.</summary>
    public static string SeedPurpose(Guid drawId) => $"draw.seed:{drawId:N}";
}
