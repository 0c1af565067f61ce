using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Audit;

/// <summary>
/// Issue 9 item 8: the chain stays one chain under concurrent writers. Eight writers append 100,000 entries in all,
/// each in transactions of ten (as a busy day's state changes would), through the app's own <see cref="AuditLog"/>
/// on the real database; the chain then verifies with no break, and one row edited in the middle is found.
/// A class of its own: it owns its database, whose chain it floods and tampers with.
/// </summary>
public abstract class AuditAtLoadTests(TestApp app) : ApiTests(app)
{
    private const int Writers = 8, Entries = 100_000, PerTransaction = 10;

    private sealed record Verification(bool Ok, long Entries, long? BrokenAt, string? Reason);

    private async Task<Verification> Verify() =>
        await (await (await Admin).GetAsync("/api/audit/verify", Ct)).Expect<Verification>(HttpStatusCode.OK);

    [Fact]
    public async Task Eight_concurrent_writers_append_100k_entries_to_one_unbroken_chain_and_one_edit_is_found()
    {
        var before = await Verify();
        Assert.True(before.Ok);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var t = 0; t < Entries / Writers / PerTransaction; t++)
            {
                using var scope = App.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<HuodongDb>();
                var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
                await using var tx = await db.Database.BeginTransactionAsync(Ct);
                for (var i = 0; i < PerTransaction; i++)
                    await audit.AppendAsync(null, "load.test", "writer", $"{w}-{t}-{i}", new { w, t, i }, Ct);
                await db.SaveChangesAsync(Ct);
                await tx.CommitAsync(Ct);
            }
        }, Ct)));

        var after = await Verify();
        Assert.True(after.Ok, $"broken at {after.BrokenAt}: {after.Reason}");
        Assert.Equal(before.Entries + Entries, after.Entries);
        // Every writer's every entry is there once: nothing lost, nothing forked into a second chain.
        Assert.Equal(Entries, await App.WithDb(db => db.AuditEntries.Where(e => e.Code == "load.test").Select(e => e.SubjectId).Distinct().CountAsync(Ct)));

        var middle = before.Entries + Entries / 2;
        var original = await App.WithDb(db => db.AuditEntries.Where(e => e.Sequence == middle).Select(e => e.Data).SingleAsync(Ct));
        await App.WithDb(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Data\" = {"{}"} WHERE \"Sequence\" = {middle}", Ct));
        var tampered = await Verify();
        Assert.Equal((false, middle, "altered-entry"), (tampered.Ok, tampered.BrokenAt!.Value, tampered.Reason));
        await App.WithDb(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Data\" = {original} WHERE \"Sequence\" = {middle}", Ct));
        Assert.True((await Verify()).Ok);
    }
}

public sealed class AuditAtLoadTests_Sqlite(SqliteApp app) : AuditAtLoadTests(app), IClassFixture<SqliteApp>;
public sealed class AuditAtLoadTests_Postgres(PostgresApp app) : AuditAtLoadTests(app), IClassFixture<PostgresApp>;
