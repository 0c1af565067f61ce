using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Huodong.Tests.Api;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Data;
using Huodong.Web.Operations;
using Huodong.Web.People;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Huodong.Tests.Operations;

/// <summary>
/// The <c>backup</c> and <c>restore</c> commands, run as the real program in a process of its own (G3.3): a backup
/// taken while the app serves restores into a fresh database that a fresh instance then serves with the same rows,
/// an unbroken audit chain and every sealed value readable; a restore without the right keys says so and fails.
/// </summary>
public abstract class BackupRestoreTests(TestApp app) : ParticipationTests(app)
{
    [Fact]
    public async Task A_backup_taken_while_the_app_serves_restores_into_a_fresh_instance_with_the_same_rows_chain_and_readable_data()
    {
        var member = await App.CreateStaffAsync("backup-member", Roles.Member);
        var client = await App.As(member);
        var activity = await OpenActivity();
        await (await client.PostJson($"/api/activities/{activity}/registrations", Contact("欧阳备份", "13700137000", "backup@example.com")))
            .ShouldBe(HttpStatusCode.Created);
        var before = JsonDocument.Parse(await (await client.GetAsync("/api/me/data", Ct)).Content.ReadAsStringAsync(Ct)).RootElement;
        var dir = Directory.CreateTempSubdirectory("huodong-backup.").FullName;
        var file = Path.Combine(dir, "huodong.backup");

        var backup = await RunCommand(App, ConnectionOf(App), "backup", file);

        Assert.True(backup.Code == 0, backup.Output);
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(BackupManifest.PathFor(file), Ct), JsonSerializerOptions.Web)!;
        Assert.True(manifest.Rows["Registrations"] > 0);
        Assert.True(manifest.AuditEntries > 0);

        var (target, unavailable) = await FreshDatabase();
        Assert.Null(unavailable);
        var restore = await RunCommand(App, target!, "restore", file);
        Assert.True(restore.Code == 0, restore.Output);
        Assert.Contains("Every table has the rows the backup had.", restore.Output);

        await using var restored = new GivenDatabaseApp(App.Provider, target!);
        await restored.InitializeAsync();
        var verify = JsonDocument.Parse(await (await (await restored.As("admin")).GetAsync("/api/audit/verify", Ct)).Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(verify.GetProperty("ok").GetBoolean());
        Assert.Equal(manifest.AuditEntries, verify.GetProperty("entries").GetInt64());
        Assert.Equal(manifest.Rows["Registrations"], await restored.WithDb(db => db.Registrations.LongCountAsync(Ct)));
        // The sealed contact details read back with the same keys: the member's own copy is the same as before.
        var after = JsonDocument.Parse(await (await (await restored.As(member)).GetAsync("/api/me/data", Ct)).Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(before.GetProperty("registrations").GetRawText(), after.GetProperty("registrations").GetRawText());
        Assert.Contains(after.GetProperty("registrations").EnumerateArray(), r => r.GetProperty("realName").GetString() == "欧阳备份");
    }

    [Fact]
    public async Task A_restore_refuses_a_database_that_holds_data_and_says_which_key_is_missing_when_restored_without_the_key_file()
    {
        var dir = Directory.CreateTempSubdirectory("huodong-backup.").FullName;
        var file = Path.Combine(dir, "huodong.backup");
        Assert.Equal(0, (await RunCommand(App, ConnectionOf(App), "backup", file)).Code);

        var overLive = await RunCommand(App, ConnectionOf(App), "restore", file);
        Assert.Equal(1, overLive.Code);
        Assert.Contains("--replace", overLive.Output);

        var (target, _) = await FreshDatabase();
        var withoutKeys = await RunCommand(App, target!, "restore", file, keyFile: Path.Combine(dir, "other-keys.json"));
        Assert.Equal(1, withoutKeys.Code);
        Assert.Contains("do not open with this key ring", withoutKeys.Output);
    }

    private async Task<(string? Connection, string? Unavailable)> FreshDatabase() => App.Provider == DatabaseProvider.Postgres
        ? await PostgresServer.CreateDatabaseAsync()
        : ($"Data Source={Path.Combine(Directory.CreateTempSubdirectory("huodong-restore.").FullName, "huodong.db")}", null);

    private static string ConnectionOf(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<HuodongDb>().Database.GetConnectionString()!;
    }

    /// <summary>Runs the program itself (Huodong.Web.dll beside the tests) with a command, as an operator would.</summary>
    private static async Task<(int Code, string Output)> RunCommand(TestApp app, string connection, string command, string file, string? keyFile = null)
    {
        var env = app.Services.GetRequiredService<IWebHostEnvironment>();
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = env.ContentRootPath, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "Huodong.Web.dll"), command, file }) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = Environments.Development;
        psi.Environment["Database__Provider"] = app.Provider.ToString();
        psi.Environment["ConnectionStrings__Huodong"] = connection;
        psi.Environment["Security__KeyFile"] = keyFile ?? Path.Combine(env.ContentRootPath, "App_Data", "keys.json");
        psi.Environment["Demo__Seed"] = "false";
        psi.Environment["Scheduler__Enabled"] = "false";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>
/// The app over a database that already exists (a restored one, or one on a cluster of the test's own): the demo seed
/// only when asked, dropped afterwards when on the shared server.
/// </summary>
public sealed class GivenDatabaseApp(DatabaseProvider provider, string connection, bool seed = false, bool drop = true) : TestApp
{
    public override DatabaseProvider Provider => provider;
    protected override Task<(string?, string?)> CreateDatabaseAsync() => Task.FromResult<(string?, string?)>((connection, null));

    protected override Task DropDatabaseAsync(string c) =>
        provider == DatabaseProvider.Postgres && drop ? PostgresServer.DropDatabaseAsync(c) : Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Seed", seed ? "true" : "false");
    }
}

public sealed class BackupRestoreTests_Sqlite(SqliteApp app) : BackupRestoreTests(app), IClassFixture<SqliteApp>;
public sealed class BackupRestoreTests_Postgres(PostgresApp app) : BackupRestoreTests(app), IClassFixture<PostgresApp>;
