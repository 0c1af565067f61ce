using Huodong.Web.Rewards;

namespace Huodong.Tests.Rewards;

/// <summary>The draw's own lifecycle (Committed → Revealed), without a database.</summary>
public sealed class DrawRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Planner = Guid.NewGuid();

    private static (Draw Draw, byte[] Seed) Commit(IEnumerable<string> entrants, int? k = 2, string? entropy = "")
    {
        var seed = DrawProtocol.NewSeed();
        var result = Draw.Commit(Guid.NewGuid(), 1, null, entrants, k, entropy, null, seed, (_, s) => "sealed:" + Convert.ToHexStringLower(s), Planner, At);
        Assert.True(result.IsOk, result.Error?.Code);
        return (result.Value!, seed);
    }

    [Fact]
    public void Committing_publishes_the_canonical_entrants_their_hash_and_the_commitment_but_not_the_seed()
    {
        var (draw, seed) = Commit(["R000003", "R000001", "R000002", "R000001"]);

        Assert.Equal(["R000001", "R000002", "R000003"], draw.Entrants);
        Assert.Equal(DrawProtocol.EntrantsHash(draw.Entrants), draw.EntrantsHash);
        Assert.Equal(DrawProtocol.Commitment(seed), draw.Commitment);
        Assert.Equal(DrawStatus.Committed, draw.Status);
        Assert.Null(draw.Seed);
        Assert.Null(draw.Winners);
        Assert.Equal("sealed:" + Convert.ToHexStringLower(seed), draw.SealedSeed);
    }

    [Fact]
    public void Revealing_publishes_the_seed_and_the_winners_it_gives_and_forgets_the_sealed_copy()
    {
        var (draw, seed) = Commit(["R000001", "R000002", "R000003"]);

        Assert.True(draw.Reveal(seed, Planner, At.AddHours(1)).IsOk);

        Assert.Equal(DrawStatus.Revealed, draw.Status);
        Assert.Equal(Convert.ToHexStringLower(seed), draw.Seed);
        Assert.Equal(DrawProtocol.Winners(draw.Entrants, seed, "", 2), draw.Winners);
        Assert.Null(draw.SealedSeed);
        Assert.Equal(1, draw.Revision);
    }

    [Fact]
    public void A_draw_is_revealed_once_and_only_with_the_committed_seed()
    {
        var (draw, seed) = Commit(["R000001", "R000002"], k: 1);

        Assert.Equal("seed-mismatch", draw.Reveal(DrawProtocol.NewSeed(), Planner, At).Error?.Code);
        Assert.True(draw.Reveal(seed, Planner, At).IsOk);
        Assert.Equal("already-revealed", draw.Reveal(seed, Planner, At).Error?.Code);
    }

    [Theory]
    [InlineData(0, "winners-count-out-of-range")]
    [InlineData(3, "winners-count-out-of-range")]
    [InlineData(null, "validation")]
    public void The_number_of_winners_is_required_and_within_the_entrants(int? k, string code)
    {
        var result = Draw.Commit(Guid.NewGuid(), 1, null, ["R000001", "R000002"], k, "", null, DrawProtocol.NewSeed(), (_, _) => "", Planner, At);
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public void Nobody_to_draw_from_and_overlong_or_NUL_entropy_are_refused()
    {
        Assert.Equal("no-entrants", Draw.Commit(Guid.NewGuid(), 1, null, [], 1, "", null, DrawProtocol.NewSeed(), (_, _) => "", Planner, At).Error?.Code);
        Assert.Contains("publicEntropy", Draw.Commit(Guid.NewGuid(), 1, null, ["R1"], 1, new string('x', 501), null, DrawProtocol.NewSeed(), (_, _) => "", Planner, At).Error!.Fields!.Keys);
        Assert.Contains("publicEntropy", Draw.Commit(Guid.NewGuid(), 1, null, ["R1"], 1, "a\0b", null, DrawProtocol.NewSeed(), (_, _) => "", Planner, At).Error!.Fields!.Keys);
    }

    [Fact]
    public void The_public_entropy_is_kept_byte_for_byte()
    {
        var (draw, _) = Commit(["R1", "R2"], k: 1, entropy: "  3412.56 ");
        Assert.Equal("  3412.56 ", draw.PublicEntropy);
    }
}
