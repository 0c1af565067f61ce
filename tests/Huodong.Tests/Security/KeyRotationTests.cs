using System.Net.Http.Json;
using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Data;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Security;

/// <summary>The app with a key file of its own, so rotating it touches no other test's keys (one per provider).</summary>
public sealed class KeyFileSqliteApp : SqliteApp
{
    public string KeyFile { get; } = OwnKeyFile.Create();
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); OwnKeyFile.Use(builder, KeyFile); }
    public override async ValueTask DisposeAsync() { await base.DisposeAsync(); OwnKeyFile.Delete(KeyFile); }
}

public sealed class KeyFilePostgresApp : PostgresApp
{
    public string KeyFile { get; } = OwnKeyFile.Create();
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); OwnKeyFile.Use(builder, KeyFile); }
    public override async ValueTask DisposeAsync() { await base.DisposeAsync(); OwnKeyFile.Delete(KeyFile); }
}

internal static class OwnKeyFile
{
    public static string Create() => Path.Combine(Directory.CreateTempSubdirectory("huodong-keys.").FullName, "keys.json");

    public static void Use(IWebHostBuilder builder, string keyFile)
    {
        builder.UseSetting("Security:KeyFile", keyFile);
        builder.UseSetting("Security:Reencryption:Background", "false");
    }

    public static void Delete(string keyFile)
    {
        try { Directory.Delete(Path.GetDirectoryName(keyFile)!, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Key rotation on a real database (S2.2): after <c>rotate-keys</c> every sealed value reads and carries the new key
/// id; values written with the old key before the re-encryption still read; an interrupted run resumes and completes;
/// plan content stored before it was sealed reads and is sealed by the run.
/// </summary>
public abstract class KeyRotationTests(TestApp app) : ParticipationTests(app)
{
    private const string Risk = "机房断电风险";

    private Plan MarkedPlan() => ParticipationPlans.OpenNow() with
    {
        Risks = [new Risk(Risk, RiskLevel.Low, RiskLevel.High, "备用电源")],
    };

    private T Service<T>(IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Every non-null value of every sealed column, read raw from the database.</summary>
    private Task<List<(string Where, string Value)>> SealedValues() => App.WithDb(async db =>
    {
        var all = new List<(string, string)>();
        foreach (var table in SealedColumns.All)
            foreach (var column in table.Columns)
            {
#pragma warning disable EF1002 // names from the app's own list
                var values = await db.Database.SqlQueryRaw<string>(
                    $"SELECT \"{column.Column}\" AS \"Value\" FROM \"{table.Table}\" WHERE \"{column.Column}\" IS NOT NULL").ToListAsync(Ct);
#pragma warning restore EF1002
                // A mixed column's plain values (answers to questions not marked personal) are not sealed values.
                all.AddRange(values.Where(v => !column.Mixed || FieldProtector.KeyIdOf(v) is not null)
                    .Select(v => ($"{table.Table}.{column.Column}", v)));
            }
        return all;
    });

    private async Task RotateAndReencrypt(int batch = Reencryption.DefaultBatch)
    {
        using var scope = App.Services.CreateScope();
        Service<KeyRing>(scope).Rotate();
        var job = Service<Reencryption>(scope);
        await job.StartAsync(null, again: false, Ct);
        await job.RunAsync(batch, null, Ct);
    }

    private string ActiveKey => App.Services.GetRequiredService<KeyRing>().ActiveKeyId;

    [Fact]
    public async Task After_rotation_every_sealed_value_reads_and_carries_the_new_key_id()
    {
        var id = await OpenActivity(MarkedPlan());
        await Registered("member61", id, Contact("王大锤", "13955556666", "wang.dachui@example.com"));
        var before = ActiveKey;

        await RotateAndReencrypt(batch: 40);

        Assert.NotEqual(before, ActiveKey);
        var values = await SealedValues();
        Assert.Contains(values, v => v.Where == "Registrations.PhoneProtected");
        Assert.Contains(values, v => v.Where == "Activities.WorkingPlanJson");
        Assert.Contains(values, v => v.Where == "Reviews.PointsJson");
        Assert.Contains(values, v => v.Where == "AspNetUsers.Email");
        Assert.All(values, v => Assert.Equal(ActiveKey, FieldProtector.KeyIdOf(v.Value)));
        // The account's lookup hash does not rotate: a member still signs in by email once their row is re-encrypted.
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/login",
            new { email = $"member61@{TestApp.Domain}", password = TestApp.DemoPassword }, Ct)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(Risk, Assert.Single((await Get(id)).Risks!).Description);
        var rows = await (await (await Planner).GetAsync($"/api/activities/{id}/registrations", Ct)).Expect<Page<RegistrationRowView>>(HttpStatusCode.OK);
        Assert.Equal(("王*锤", "139****6666"), (rows.Items[0].RealName, rows.Items[0].Phone));
        var progress = await App.WithDb(db => db.Set<ReencryptionProgress>().AsNoTracking().ToListAsync(Ct));
        Assert.Equal(SealedColumns.All.Count, progress.Count);
        Assert.All(progress, p => Assert.True(p.Completed && p.TargetKeyId == ActiveKey && p.Done >= 0));
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(e => e.Code == "keys.reencryption-completed" && e.SubjectId == "Registrations", Ct)));
    }

    [Fact]
    public async Task Values_written_with_the_old_key_still_read_before_they_are_re_encrypted()
    {
        var id = await OpenActivity(MarkedPlan());
        await Registered("member62", id, Contact("赵小六", "13911112222"));
        var old = ActiveKey;

        App.Services.GetRequiredService<KeyRing>().Rotate(); // no re-encryption yet

        var values = await SealedValues();
        Assert.Contains(values, v => FieldProtector.KeyIdOf(v.Value) == old);
        Assert.Equal(Risk, Assert.Single((await Get(id)).Risks!).Description);
        var rows = await (await (await Planner).GetAsync($"/api/activities/{id}/registrations", Ct)).Expect<Page<RegistrationRowView>>(HttpStatusCode.OK);
        Assert.Equal("赵*六", rows.Items[0].RealName);
        // New writes use the new key at once.
        await Registered("member63", id, Contact("钱七", "13933334444"));
        var newest = await App.WithDb(db => db.Registrations.AsNoTracking().Where(r => r.ActivityId == id).OrderBy(r => r.Number).ToListAsync(Ct));
        Assert.Equal(old, FieldProtector.KeyIdOf(newest[0].Contact.Phone));
        Assert.Equal(ActiveKey, FieldProtector.KeyIdOf(newest[1].Contact.Phone));
    }

    [Fact]
    public async Task A_re_encryption_interrupted_half_way_resumes_where_it_stopped_and_completes()
    {
        var id = await OpenActivity();
        for (var i = 64; i < 70; i++) await Registered($"member{i}", id);
        var registrations = SealedColumns.All.Single(t => t.Table == "Registrations");
        using (var scope = App.Services.CreateScope())
        {
            Service<KeyRing>(scope).Rotate();
            var job = Service<Reencryption>(scope);
            await job.StartAsync(null, again: false, Ct);
            var first = await job.RunBatchAsync(registrations, 3, Ct); // then the process "dies"
            Assert.Equal((3, false), (first!.Done, first.Completed));
        }
        var halfway = await SealedValues();
        Assert.Contains(halfway, v => v.Where.StartsWith("Registrations.") && FieldProtector.KeyIdOf(v.Value) != ActiveKey);
        Assert.Contains(halfway, v => v.Where.StartsWith("Registrations.") && FieldProtector.KeyIdOf(v.Value) == ActiveKey);

        using (var scope = App.Services.CreateScope())
        {
            var job = Service<Reencryption>(scope);
            Assert.True(await job.StartAsync(null, again: false, Ct)); // the unfinished run is resumed, not restarted
            var resumed = (await job.ProgressAsync(Ct)).Single(p => p.Table == "Registrations");
            Assert.Equal(3, resumed.Done);
            await job.RunAsync(3, null, Ct);
        }

        var progress = (await App.WithDb(db => db.Set<ReencryptionProgress>().AsNoTracking().ToListAsync(Ct))).Single(p => p.Table == "Registrations");
        Assert.True(progress.Completed);
        Assert.Equal(await App.WithDb(db => db.Registrations.LongCountAsync(Ct)), progress.Done);
        Assert.All(await SealedValues(), v => Assert.Equal(ActiveKey, FieldProtector.KeyIdOf(v.Value)));
    }

    [Fact]
    public async Task The_background_re_encryption_started_from_the_console_completes_and_the_page_shows_its_progress()
    {
        await OpenActivity(MarkedPlan());
        App.Services.GetRequiredService<KeyRing>().Rotate();
        var worker = ActivatorUtilities.CreateInstance<ReencryptionWorker>(App.Services); // off in this fixture: run one here
        await worker.StartAsync(Ct);
        try
        {
            using (var scope = App.Services.CreateScope()) await Service<Reencryption>(scope).StartAsync(null, again: true, Ct);
            App.Services.GetRequiredService<ReencryptionSignal>().Wake(); // what the page's Start button does
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                var progress = await App.WithDb(db => db.Set<ReencryptionProgress>().AsNoTracking().ToListAsync(Ct));
                if (progress.All(p => p.Completed && p.TargetKeyId == ActiveKey)) break;
                Assert.True(DateTime.UtcNow < deadline, "the background re-encryption did not finish within a minute");
                await Task.Delay(200, Ct);
            }
        }
        finally { await worker.StopAsync(CancellationToken.None); }

        Assert.All(await SealedValues(), v => Assert.Equal(ActiveKey, FieldProtector.KeyIdOf(v.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/security/keys");
        var html = await (await (await App.As("admin")).SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"<dd class=\"mono\" id=\"active-key\">{ActiveKey}</dd>", html);
        Assert.Contains("<td class=\"mono\">Registrations</td>", html);
        Assert.DoesNotContain("data-refresh", html); // nothing running: the page stops refreshing itself
    }

    [Fact]
    public async Task Plan_content_stored_in_clear_before_sealing_reads_and_the_run_seals_it()
    {
        var id = await OpenActivity(MarkedPlan());
        var plain = await App.WithDb(db => db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => a.WorkingPlanJson).SingleAsync(Ct));
        Assert.StartsWith("{", plain); // the converter decrypted it
        await App.WithDb(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"Activities\" SET \"WorkingPlanJson\" = {plain} WHERE \"Id\" = {id}", Ct));
        var raw = await App.WithDb(db => db.Database.SqlQuery<string>(
            $"SELECT \"WorkingPlanJson\" AS \"Value\" FROM \"Activities\" WHERE \"Id\" = {id}").SingleAsync(Ct));
        Assert.StartsWith("{", raw);

        Assert.Equal(Risk, Assert.Single((await Get(id)).Risks!).Description);
        using (var scope = App.Services.CreateScope())
        {
            var job = Service<Reencryption>(scope);
            await job.StartAsync(null, again: true, Ct);
            await job.RunAsync(Reencryption.DefaultBatch, null, Ct);
        }

        raw = await App.WithDb(db => db.Database.SqlQuery<string>(
            $"SELECT \"WorkingPlanJson\" AS \"Value\" FROM \"Activities\" WHERE \"Id\" = {id}").SingleAsync(Ct));
        Assert.StartsWith("v1:", raw);
        Assert.DoesNotContain("risks", raw);
        Assert.Equal(Risk, Assert.Single((await Get(id)).Risks!).Description);
    }
}

public sealed record RegistrationRowView(string Code, string RealName, string Phone, string? Email);

public sealed class KeyRotationTests_Sqlite(KeyFileSqliteApp app) : KeyRotationTests(app), IClassFixture<KeyFileSqliteApp>;
public sealed class KeyRotationTests_Postgres(KeyFilePostgresApp app) : KeyRotationTests(app), IClassFixture<KeyFilePostgresApp>;
