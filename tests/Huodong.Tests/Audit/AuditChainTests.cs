using Huodong.Web.Audit;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Huodong.Tests.Audit;

/// <summary>The audit entry's hash chain (DESIGN.md principle 6), without a database.</summary>
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Actor = Guid.Parse("00000000-0000-0000-0000-00000000a001");

    private static List<AuditEntry> Chain(int length)
    {
        var chain = new List<AuditEntry>();
        for (var i = 1; i <= length; i++)
            chain.Add(new AuditEntry(i, T0.AddSeconds(i), Actor, "activity.submitted", "activity", $"a{i}",
                $$"""{"from":"Draft","to":"HeadReview","version":{{i}}}""", chain.Count == 0 ? AuditEntry.GenesisHash : chain[^1].Hash));
        return chain;
    }

    /// <summary>The verification AuditLog.VerifyAsync does, over entries in memory.</summary>
    private static (bool Ok, long? BrokenAt) Verify(IEnumerable<AuditEntry> entries)
    {
        var previous = AuditEntry.GenesisHash;
        long expected = 1;
        foreach (var e in entries)
        {
            if (e.Sequence != expected || e.PreviousHash != previous || e.ComputeHash() != e.Hash) return (false, e.Sequence);
            previous = e.Hash;
            expected++;
        }
        return (true, null);
    }

    private static void Set(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property)!.SetValue(entry, value);

    [Fact]
    public void Each_entry_hashes_its_own_fields_and_links_to_the_previous_hash()
    {
        var chain = Chain(3);
        Assert.Equal(AuditEntry.GenesisHash, chain[0].PreviousHash);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
        Assert.Equal(chain[1].Hash, chain[2].PreviousHash);
        Assert.All(chain, e => Assert.Equal(e.Hash, e.ComputeHash()));
        Assert.All(chain, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.Equal(3, chain.Select(e => e.Hash).Distinct().Count());
        Assert.Equal((true, (long?)null), Verify(chain));
    }

    [Theory]
    [InlineData("Data", "{\"from\":\"Draft\",\"to\":\"Approved\",\"version\":2}")]
    [InlineData("Code", "activity.review.leader.approved")]
    [InlineData("SubjectId", "someone-else")]
    [InlineData("SubjectType", "budget")]
    [InlineData("ActorId", null)]
    public void Editing_any_field_of_an_entry_breaks_the_chain_at_that_entry(string field, string? value)
    {
        var chain = Chain(3);
        Set(chain[1], field, field == "ActorId" ? null : value);
        Assert.Equal((false, (long?)2), Verify(chain));
    }

    [Fact]
    public void Editing_an_entrys_time_breaks_the_chain()
    {
        var chain = Chain(3);
        Set(chain[1], "At", chain[1].At.AddSeconds(-1));
        Assert.Equal((false, (long?)2), Verify(chain));
    }

    [Fact]
    public void Recomputing_a_forged_entrys_hash_breaks_the_link_to_the_next_one()
    {
        var chain = Chain(3);
        Set(chain[1], "Data", "{}");
        Set(chain[1], "Hash", chain[1].ComputeHash());
        Assert.Equal((false, (long?)3), Verify(chain));
    }

    [Fact]
    public void Deleting_an_entry_breaks_the_chain_where_it_was()
    {
        var chain = Chain(4);
        chain.RemoveAt(2);
        Assert.Equal((false, (long?)4), Verify(chain));
    }

    [Fact]
    public void The_hash_does_not_depend_on_the_offset_the_time_is_written_in()
    {
        var utc = new AuditEntry(1, T0, Actor, "c", "s", "1", null, AuditEntry.GenesisHash);
        var china = new AuditEntry(1, T0.ToOffset(TimeSpan.FromHours(8)), Actor, "c", "s", "1", null, AuditEntry.GenesisHash);
        Assert.Equal(utc.Hash, china.Hash);
    }

    [Fact]
    public void Clock_times_survive_both_stores_exactly_so_hashes_recompute_after_a_round_trip()
    {
        var converter = new DateTimeOffsetToBinaryConverter();
        var time = new FixedTime(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
        var now = time.UtcNow();

        var fromSqlite = (DateTimeOffset)converter.ConvertFromProvider(converter.ConvertToProvider(now)!)!;
        var fromPostgres = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero); // microseconds

        Assert.Equal(now, fromSqlite);
        Assert.Equal(now, fromPostgres);
        var entry = new AuditEntry(1, now, Actor, "c", "s", "1", null, AuditEntry.GenesisHash);
        Assert.Equal(entry.Hash, new AuditEntry(1, fromSqlite, Actor, "c", "s", "1", null, AuditEntry.GenesisHash).Hash);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
