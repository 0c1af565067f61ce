using System.Text.Json;
using Huodong.Web.Shared;

namespace Huodong.Web.Rewards;

public enum DrawStatus { Committed, Revealed }

/// <summary>
/// A verifiable prize draw (G3.2, E3.1) under huodong-draw-v1 (DRAW.md). Committed: the entrants, their hash, the
/// commitment to a secret seed, the public entropy and the number of winners are published, and the seed is kept
/// encrypted. Revealed: the seed is published and the winners follow from it; anyone can recompute them.
/// A redraw (a forfeited prize) is a new draw over the entrants of the draw it replaces who have not already won.
/// </summary>
public class Draw
{
    public const int MaxEntropy = 500;
    public const int MaxRewardName = 200;

    private Draw() { }

    /// <summary>
    /// Commits to <paramref name="seed"/> over <paramref name="entrants"/> (in any order; published canonical).
    /// <paramref name="seal"/> encrypts the seed for storage, given the draw's id (bound into the ciphertext).
    /// </summary>
    public static Result<Draw> Commit(Guid activityId, int number, string? rewardName, IEnumerable<string> entrants,
        int? winnersCount, string? publicEntropy, Guid? redrawOf, byte[] seed, Func<Guid, byte[], string> seal,
        Guid actorId, DateTimeOffset at)
    {
        var errors = new Dictionary<string, string[]>();
        if (winnersCount is null) errors["winnersCount"] = ["Required."];
        if (publicEntropy is { Length: > MaxEntropy }) errors["publicEntropy"] = ["Must be at most 500 characters."];
        else if (publicEntropy?.Contains('\0') == true) errors["publicEntropy"] = [Planning.PlanRules.NulCharacter];
        if (rewardName is { Length: > MaxRewardName }) errors["rewardName"] = ["Must be at most 200 characters."];
        if (errors.Count > 0) return Error.Validation(errors);

        var list = DrawProtocol.CanonicalOrder(entrants);
        if (list.Count == 0) return DrawErrors.NoEntrants;
        if (winnersCount < 1 || winnersCount > list.Count) return DrawErrors.WinnersCountOutOfRange(list.Count);

        var draw = new Draw
        {
            Id = Guid.CreateVersion7(at),
            ActivityId = activityId,
            Number = number,
            RewardName = string.IsNullOrWhiteSpace(rewardName) ? null : rewardName.Trim(),
            EntrantsJson = JsonSerializer.Serialize(list),
            EntrantsCount = list.Count,
            EntrantsHash = DrawProtocol.EntrantsHash(list),
            Commitment = DrawProtocol.Commitment(seed),
            // Taken as it is: the entropy is hashed byte for byte, so even surrounding spaces are part of it.
            PublicEntropy = publicEntropy ?? "",
            WinnersCount = winnersCount!.Value,
            RedrawOf = redrawOf,
            Status = DrawStatus.Committed,
            CreatedById = actorId,
            CreatedAt = at,
        };
        draw.SealedSeed = seal(draw.Id, seed);
        return draw;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    /// <summary>1, 2, … within the activity, in the order the draws were made.</summary>
    public int Number { get; private set; }
    public string? RewardName { get; private set; }
    public string EntrantsJson { get; private set; } = "[]";
    public int EntrantsCount { get; private set; }
    public string EntrantsHash { get; private set; } = "";
    public string Commitment { get; private set; } = "";
    public string PublicEntropy { get; private set; } = "";
    public int WinnersCount { get; private set; }
    /// <summary>The draw whose forfeited prize this draw replaces (its entrants minus everyone who already won).</summary>
    public Guid? RedrawOf { get; private set; }
    public DrawStatus Status { get; private set; }
    /// <summary>The secret seed, encrypted (Security/FieldProtector) while the draw is committed; null once revealed.</summary>
    public string? SealedSeed { get; private set; }
    /// <summary>Lowercase hex of the 32 seed bytes, published at the reveal.</summary>
    public string? Seed { get; private set; }
    public string? WinnersJson { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? RevealedById { get; private set; }
    public DateTimeOffset? RevealedAt { get; private set; }
    /// <summary>Concurrency token: two reveals race on one conditional UPDATE and only one can win.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<string> Entrants => JsonSerializer.Deserialize<List<string>>(EntrantsJson)!;
    public IReadOnlyList<string>? Winners => WinnersJson is null ? null : JsonSerializer.Deserialize<List<string>>(WinnersJson);

    /// <summary>Committed → Revealed: publishes the seed (which must match the commitment) and the winners it gives.</summary>
    public Result Reveal(byte[] seed, Guid actorId, DateTimeOffset at)
    {
        if (Status != DrawStatus.Committed) return DrawErrors.AlreadyRevealed;
        if (DrawProtocol.Commitment(seed) != Commitment) return DrawErrors.SeedMismatch;
        WinnersJson = JsonSerializer.Serialize(DrawProtocol.Winners(Entrants, seed, PublicEntropy, WinnersCount));
        Seed = Convert.ToHexStringLower(seed);
        SealedSeed = null;
        Status = DrawStatus.Revealed;
        RevealedById = actorId;
        RevealedAt = at;
        Revision++;
        return Result.Ok;
    }
}
