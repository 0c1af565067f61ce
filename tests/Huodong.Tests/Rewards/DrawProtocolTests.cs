using Huodong.Web.Rewards;

namespace Huodong.Tests.Rewards;

/// <summary>huodong-draw-v1 (DRAW.md) against the vectors an independent implementation computed, and its basic properties.</summary>
public sealed class DrawProtocolTests
{
    private static DrawCase Case(string name) => DrawVectors.All.Draws.Single(d => d.Name == name);
    private static readonly DrawCase Ten = Case("n=10 k=3 without public entropy");

    [Theory]
    [MemberData(nameof(DrawVectors.DrawNames), MemberType = typeof(DrawVectors))]
    public void Every_vector_gives_the_same_hash_commitment_key_and_winners(string name)
    {
        var v = Case(name);
        var seed = Convert.FromHexString(v.Seed);

        Assert.Equal(v.EntrantsHash, DrawProtocol.EntrantsHash(v.AllEntrants));
        Assert.Equal(v.Commitment, DrawProtocol.Commitment(seed));
        Assert.Equal(v.Key, Convert.ToHexStringLower(DrawProtocol.Key(seed, v.PublicEntropy, v.EntrantsHash)));
        Assert.Equal(v.Winners, DrawProtocol.Shuffle(v.AllEntrants, seed, v.PublicEntropy, v.WinnersCount, out var counter));
        Assert.Equal(v.Counter, counter);
    }

    [Theory]
    [MemberData(nameof(DrawVectors.UniformNames), MemberType = typeof(DrawVectors))]
    public void Uniform_gives_the_same_numbers_counters_and_rejections(string name)
    {
        var v = DrawVectors.All.Uniform.Single(u => u.Name == name);
        var uniform = new DrawProtocol.Uniform(Convert.FromHexString(v.Key));

        Assert.Equal(v.Outputs, v.Outputs.Select(_ => uniform.Next(v.M)).ToList());
        Assert.Equal(v.Counter, uniform.Counter);
        Assert.Equal(v.Rejections, uniform.Rejections);
    }

    [Fact]
    public void The_vectors_include_rejections_and_the_cases_the_brief_asks_for()
    {
        Assert.Contains(DrawVectors.All.Uniform, u => u.Rejections > 0);
        Assert.Contains(DrawVectors.All.Draws, d => d.AllEntrants.Count == 1);
        Assert.Contains(DrawVectors.All.Draws, d => d.WinnersCount == d.AllEntrants.Count && d.WinnersCount > 1);
        Assert.Contains(DrawVectors.All.Draws, d => d.AllEntrants.Count >= 1000);
        Assert.Contains(DrawVectors.All.Draws, d => d.PublicEntropy.Any(c => c > 127));
    }

    [Fact]
    public void Entrants_are_ordered_by_UTF8_bytes_not_UTF16_code_units()
    {
        var v = Case("unicode codes sorted by UTF-8 bytes, not UTF-16");

        Assert.Equal(v.Entrants, DrawProtocol.CanonicalOrder(v.UnsortedEntrants!));
        // U+E000 is one UTF-16 unit above the surrogates of 😀, yet below it in UTF-8.
        Assert.True(v.Entrants!.IndexOf("\uE000") < v.Entrants.IndexOf("😀"));
    }

    [Fact]
    public void Changing_one_entrant_changes_the_outcome()
    {
        var changed = Ten.AllEntrants.ToList();
        changed[^1] = "R000011";
        var winners = DrawProtocol.Winners(changed, Convert.FromHexString(Ten.Seed), "", 3);

        Assert.NotEqual(Ten.EntrantsHash, DrawProtocol.EntrantsHash(changed));
        Assert.NotEqual(Ten.Winners, winners);
    }

    [Fact]
    public void Changing_the_seed_or_the_public_entropy_changes_the_outcome()
    {
        var seed = Convert.FromHexString(Ten.Seed);
        var other = seed.ToArray();
        other[0] ^= 1;

        Assert.NotEqual(Ten.Winners, DrawProtocol.Winners(Ten.AllEntrants, other, "", 3));
        Assert.NotEqual(Ten.Winners, DrawProtocol.Winners(Ten.AllEntrants, seed, "0", 3));
        Assert.Equal(Ten.Winners, DrawProtocol.Winners(Ten.AllEntrants, seed, "", 3));
    }

    [Fact]
    public void The_winners_are_distinct_entrants_and_a_full_draw_is_a_permutation()
    {
        var v = Case("k equals n (a full ranking)");
        var winners = DrawProtocol.Winners(v.AllEntrants, Convert.FromHexString(v.Seed), v.PublicEntropy, v.WinnersCount);

        Assert.Equal(v.AllEntrants.Order(StringComparer.Ordinal), winners.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unsorted_or_duplicate_entrants_and_impossible_counts_are_bugs()
    {
        var seed = DrawProtocol.NewSeed();
        Assert.Throws<ArgumentException>(() => DrawProtocol.Winners(["R2", "R1"], seed, "", 1));
        Assert.Throws<ArgumentException>(() => DrawProtocol.Winners(["R1", "R1"], seed, "", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DrawProtocol.Winners(["R1"], seed, "", 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => DrawProtocol.Winners(["R1"], seed, "", 0));
        Assert.Throws<ArgumentException>(() => DrawProtocol.Commitment(new byte[31]));
    }

    [Fact]
    public void Seeds_are_32_fresh_random_bytes()
    {
        var a = DrawProtocol.NewSeed();
        Assert.Equal(32, a.Length);
        Assert.NotEqual(a, DrawProtocol.NewSeed());
    }
}
