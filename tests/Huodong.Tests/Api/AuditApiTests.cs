using System.Net;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>DESIGN.md principle 6 and B2.4: every state change is audited in a hash chain that finds any edit.</summary>
public abstract class AuditApiTests(TestApp app) : ApiTests(app)
{
    private sealed record Verification(bool Ok, long Entries, long? BrokenAt, string? Reason);

    /// <summary>An audit entry as <c>GET /api/audit</c> shows it.</summary>
    private sealed record Entry(long Sequence, DateTimeOffset At, Guid? ActorId, string Code, string SubjectType,
        string SubjectId, string? Data, string PreviousHash, string Hash)
    {
        public string Recomputed => new AuditEntry(Sequence, At, ActorId, Code, SubjectType, SubjectId, Data, PreviousHash).Hash;
    }

    private async Task<Verification> Verify() =>
        await (await (await Admin).GetAsync("/api/audit/verify", Ct)).Expect<Verification>(HttpStatusCode.OK);

    [Fact]
    public async Task The_chain_verifies_and_grows_by_one_entry_per_transition()
    {
        var before = await Verify();
        Assert.True(before.Ok, $"broken at {before.BrokenAt}: {before.Reason}");
        Assert.True(before.Entries > 0); // the demo seed is audited too

        await Approved(); // created, submitted, head passed, leader approved

        var after = await Verify();
        Assert.True(after.Ok);
        Assert.Equal(before.Entries + 4, after.Entries);
        Assert.Null(after.BrokenAt);
    }

    [Fact]
    public async Task Audit_entries_of_an_activity_name_the_code_actor_and_subject_and_link_up()
    {
        var approved = await Approved();

        var page = await (await (await Head).GetAsync($"/api/audit?subjectType=activity&subjectId={approved.Id}", Ct))
            .Expect<Page<Entry>>(HttpStatusCode.OK);

        var entries = page.Items.OrderBy(e => e.Sequence).ToList();
        Assert.Equal(["activity.created", "activity.submitted", "activity.review.head.passed", "activity.review.leader.approved"],
            entries.Select(e => e.Code));
        Assert.All(entries, e => Assert.Equal(approved.Id.ToString(), e.SubjectId));
        Assert.All(entries, e => Assert.NotNull(e.ActorId));
        Assert.All(entries, e => Assert.Equal(e.Hash, e.Recomputed));
        Assert.Contains(approved.VersionHash!, entries[1].Data);
        Assert.Equal(entries.Select(e => e.At).Order(), entries.Select(e => e.At));

        var byCode = await (await (await Head).GetAsync($"/api/audit?code=activity.review&subjectId={approved.Id}", Ct))
            .Expect<Page<Entry>>(HttpStatusCode.OK);
        Assert.Equal(2, byCode.Total);
    }

    [Theory]
    [InlineData("Data")]
    [InlineData("Hash")]
    [InlineData("Code")]
    public async Task Verify_names_the_entry_whose_row_was_changed_in_the_database(string column)
    {
        var approved = await Approved();
        var target = await App.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == approved.Id.ToString() && e.Code == "activity.submitted").SingleAsync(Ct));
        var original = column switch { "Data" => target.Data, "Hash" => target.Hash, _ => target.Code };
        var forged = column == "Hash" ? new string('f', 64) : column == "Code" ? "activity.created" : original!.Replace("HeadReview", "Approved");
        Assert.NotEqual(original, forged);

        await Tamper(column, forged, target.Sequence);
        try
        {
            var check = await Verify();
            Assert.False(check.Ok);
            Assert.Equal(target.Sequence, check.BrokenAt);
            Assert.Equal("altered-entry", check.Reason);
            Assert.Equal(target.Sequence - 1, check.Entries);
        }
        finally
        {
            await Tamper(column, original, target.Sequence);
        }
        Assert.True((await Verify()).Ok);
    }

    [Fact]
    public async Task Verify_finds_a_forged_entry_even_when_its_own_hash_was_recomputed()
    {
        var approved = await Approved();
        var target = await App.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == approved.Id.ToString() && e.Code == "activity.review.head.passed").SingleAsync(Ct));
        var forgedHash = new string('a', 64);

        await Tamper("Hash", forgedHash, target.Sequence);
        try
        {
            // The entry itself no longer matches its hash; a forger who also fixed that would break the next link.
            var check = await Verify();
            Assert.False(check.Ok);
            Assert.Equal(target.Sequence, check.BrokenAt);
        }
        finally
        {
            await Tamper("Hash", target.Hash, target.Sequence);
        }
    }

    /// <summary>Changes one column of one audit row behind the app's back, as someone with database access could.</summary>
    private Task Tamper(string column, string? value, long sequence) => App.WithDb(db => column switch
    {
        "Data" => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Data\" = {value} WHERE \"Sequence\" = {sequence}", Ct),
        "Hash" => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Hash\" = {value} WHERE \"Sequence\" = {sequence}", Ct),
        "Code" => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Code\" = {value} WHERE \"Sequence\" = {sequence}", Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    });

    [Theory]
    [InlineData("admin")]
    [InlineData("head")]
    [InlineData("leader")]
    [InlineData("finance")]
    public async Task Auditors_read_the_audit_log(string account)
    {
        await (await (await App.As(account)).GetAsync("/api/audit?pageSize=5", Ct)).ShouldBe(HttpStatusCode.OK);
        await (await (await App.As(account)).GetAsync("/api/audit/verify", Ct)).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("member7")]
    [InlineData("planner")]
    [InlineData("moderator")]
    public async Task Others_may_not_read_the_audit_log(string account)
    {
        await (await (await App.As(account)).GetAsync("/api/audit", Ct)).ExpectProblem(HttpStatusCode.Forbidden);
        await (await (await App.As(account)).GetAsync("/api/audit/verify", Ct)).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_the_audit_log()
    {
        await (await App.Anonymous().GetAsync("/api/audit/verify", Ct)).ExpectProblem(HttpStatusCode.Unauthorized);
    }
}

public sealed class AuditApiTests_Sqlite(SqliteApp app) : AuditApiTests(app), IClassFixture<SqliteApp>;
public sealed class AuditApiTests_Postgres(PostgresApp app) : AuditApiTests(app), IClassFixture<PostgresApp>;
