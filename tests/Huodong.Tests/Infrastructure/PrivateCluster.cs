using Npgsql;

namespace Huodong.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of one test's own, for faults the shared server must not suffer: the test stops and starts
/// it. Made from the installed binaries like <see cref="PostgresServer"/>'s; <see cref="Unavailable"/> says why not.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private string? _bin, _dir, _runAs;
    private int _port;

    public string? Unavailable { get; private set; }
    public string Connection => $"Host=127.0.0.1;Port={_port};Database=huodong;Username=app;Timeout=3;Command Timeout=10";

    public static async Task<PrivateCluster> StartAsync()
    {
        var c = new PrivateCluster { _bin = PostgresServer.InstalledBin() };
        if (c._bin is null) { c.Unavailable = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)."; return c; }
        c._dir = Directory.CreateTempSubdirectory("huodong-pgfault.").FullName;
        if (Environment.UserName == "root")
        {
            c._runAs = "postgres";
            await PostgresServer.RunAsync("chown", ["-R", "postgres:postgres", c._dir], null);
        }
        c._port = PostgresServer.FreePort();
        var init = await PostgresServer.RunAsync(Path.Combine(c._bin, "initdb"),
            ["-D", c.Data, "-U", "app", "-A", "trust", "-E", "UTF8", "--no-sync"], c._runAs);
        if (init.Code != 0) { c.Unavailable = $"initdb failed: {init.Output}"; return c; }
        if (await c.StartServerAsync() is { } failed) { c.Unavailable = failed; return c; }
        await using var admin = new NpgsqlConnection($"Host=127.0.0.1;Port={c._port};Database=postgres;Username=app;Pooling=false");
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE huodong", admin);
        await create.ExecuteNonQueryAsync();
        return c;
    }

    private string Data => Path.Combine(_dir!, "data");

    /// <summary>Starts the server (again); null when it runs, else why not.</summary>
    public async Task<string?> StartServerAsync()
    {
        var start = await PostgresServer.RunAsync(Path.Combine(_bin!, "pg_ctl"),
            ["-D", Data, "-l", Path.Combine(_dir!, "log"), "-w", "start", "-o",
             $"-c listen_addresses=127.0.0.1 -p {_port} -k {_dir} -c fsync=off -c synchronous_commit=off"], _runAs);
        return start.Code == 0 ? null : $"pg_ctl start failed: {start.Output}";
    }

    /// <summary>Stops the server at once (connections are cut, as when it crashes or its machine goes away).</summary>
    public async Task StopServerAsync()
    {
        var stop = await PostgresServer.RunAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], _runAs);
        if (stop.Code != 0) throw new InvalidOperationException($"pg_ctl stop failed: {stop.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_dir is null) return;
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
            await PostgresServer.RunAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], _runAs);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
