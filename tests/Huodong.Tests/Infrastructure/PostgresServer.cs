using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Huodong.Tests.Infrastructure.PostgresServer))]

namespace Huodong.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the Postgres fixtures share: the one named by <c>HUODONG_TEST_PG</c> (a connection
/// string), else a throwaway cluster started from the installed binaries on first use (STACK.md) and stopped when
/// the test run ends. Each fixture gets a fresh database of its own on it. When neither is possible the reason is
/// kept, and the Postgres tests skip with it (or fail, under <c>HUODONG_REQUIRE_INFRA=1</c>).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Task<Started>? _start;
    private static int _databases;

    private sealed record Started(string? AdminConnection, string? Unavailable, string? DataDir, string? PgBin, string? RunAs);

    /// <summary>True when a missing database server must fail the run instead of skipping its tests.</summary>
    public static bool InfrastructureRequired => Environment.GetEnvironmentVariable("HUODONG_REQUIRE_INFRA") == "1";

    /// <summary>Creates a fresh, empty database and returns its connection string, or the reason there is none.</summary>
    public static async Task<(string? Connection, string? Unavailable)> CreateDatabaseAsync()
    {
        Started server;
        var name = $"huodong_t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        // One CREATE DATABASE at a time: concurrent ones copying template1 can fail with "source database is being
        // accessed by other users" (55006), which failed whole test classes now and then.
        await Gate.WaitAsync();
        try
        {
            server = await (_start ??= Task.Run(StartAsync));
            if (server.AdminConnection is null) return (null, server.Unavailable);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var admin = new NpgsqlConnection(server.AdminConnection);
                    await admin.OpenAsync();
                    await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                    await cmd.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
                {
                    await Task.Delay(200 * attempt);
                }
            }
        }
        finally { Gate.Release(); }
        var csb = new NpgsqlConnectionStringBuilder(server.AdminConnection) { Database = name, MaxPoolSize = 30 };
        return (csb.ConnectionString, null);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> (only on a server we did not start ourselves).</summary>
    public static async Task DropDatabaseAsync(string connection)
    {
        if (_start is not { IsCompletedSuccessfully: true } s || s.Result.AdminConnection is not { } adminCs) return;
        if (s.Result.DataDir is not null) return; // a throwaway cluster goes away as a whole
        var name = new NpgsqlConnectionStringBuilder(connection).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminCs);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The whole database as <c>pg_dump</c> writes it (plain SQL, data included), or why there is no dump: pg_dump is
    /// taken from the cluster's own binaries, else the newest under /usr/lib/postgresql/*/bin.
    /// </summary>
    public static async Task<(string? Dump, string? Unavailable)> DumpAsync(string connection)
    {
        var pgBin = _start is { IsCompletedSuccessfully: true } s && s.Result.PgBin is { } own ? own
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                    .Where(b => File.Exists(Path.Combine(b, "pg_dump"))).OrderBy(b => b).LastOrDefault()
                : null;
        if (pgBin is null) return (null, "pg_dump is not installed under /usr/lib/postgresql/*/bin.");
        var csb = new NpgsqlConnectionStringBuilder(connection);
        var (code, output) = await RunAsync(Path.Combine(pgBin, "pg_dump"),
            ["-h", csb.Host!, "-p", csb.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", csb.Username!,
             "--no-owner", "--no-password", csb.Database!], null);
        return code == 0 ? (output, null) : (null, $"pg_dump failed: {output[..Math.Min(500, output.Length)]}");
    }

    private static async Task<Started> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("HUODONG_TEST_PG");
        if (!string.IsNullOrWhiteSpace(given))
        {
            var csb = new NpgsqlConnectionStringBuilder(given) { Database = "postgres", Pooling = false };
            return await CanConnectAsync(csb.ConnectionString)
                ? new Started(csb.ConnectionString, null, null, null, null)
                : new Started(null, $"HUODONG_TEST_PG is set but its server does not answer: {Redact(given)}", null, null, null);
        }

        var pgBin = InstalledBin();
        if (pgBin is null)
            return new Started(null, "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and HUODONG_TEST_PG is not set.", null, null, null);

        var dir = Directory.CreateTempSubdirectory("huodong-pg.").FullName;
        string? runAs = null;
        if (Environment.UserName == "root")
        {
            runAs = "postgres";
            var chown = await RunAsync("chown", ["-R", "postgres:postgres", dir], null);
            if (chown.Code != 0) return new Started(null, $"Cannot hand {dir} to the postgres user: {chown.Output}", null, null, null);
        }
        var port = FreePort();
        var data = Path.Combine(dir, "data");
        var init = await RunAsync(Path.Combine(pgBin, "initdb"),
            ["-D", data, "-U", "app", "-A", "trust", "-E", "UTF8", "--no-sync"], runAs);
        if (init.Code != 0) return new Started(null, $"initdb failed: {init.Output}", null, null, null);
        var start = await RunAsync(Path.Combine(pgBin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(dir, "log"), "-w", "start", "-o",
             $"-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"],
            runAs);
        if (start.Code != 0) return new Started(null, $"pg_ctl start failed: {start.Output}", null, null, null);

        var admin = $"Host=127.0.0.1;Port={port};Database=postgres;Username=app;Pooling=false";
        return new Started(admin, null, data, pgBin, runAs);
    }

    /// <summary>The newest installed server binaries (/usr/lib/postgresql/N/bin with an initdb), or null.</summary>
    internal static string? InstalledBin() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).LastOrDefault()
        : null;

    public async ValueTask DisposeAsync()
    {
        if (_start is not { IsCompletedSuccessfully: true } s || s.Result.DataDir is not { } data) return;
        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(s.Result.PgBin!, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], s.Result.RunAs);
        try { Directory.Delete(Path.GetDirectoryName(data)!, recursive: true); } catch (IOException) { }
    }

    private static async Task<bool> CanConnectAsync(string connection)
    {
        try
        {
            await using var c = new NpgsqlConnection(connection);
            await c.OpenAsync();
            return true;
        }
        catch (Exception) { return false; }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task<(int Code, string Output)> RunAsync(string file, string[] args, string? runAs)
    {
        var psi = runAs is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser");
        if (runAs is not null) { psi.ArgumentList.Add("-u"); psi.ArgumentList.Add(runAs); psi.ArgumentList.Add("--"); psi.ArgumentList.Add(file); }
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = Path.GetTempPath();
        try
        {
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            return (p.ExitCode, (await output + await error).Trim());
        }
        catch (Exception ex) { return (-1, ex.Message); }
    }

    private static string Redact(string cs)
    {
        try { var b = new NpgsqlConnectionStringBuilder(cs) { Password = null }; return b.ConnectionString; }
        catch (ArgumentException) { return "(unparsable connection string)"; }
    }
}
