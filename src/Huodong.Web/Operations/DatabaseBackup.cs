using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Huodong.Web.Operations;

/// <summary>What a backup holds, written beside it as <c>&lt;file&gt;.manifest.json</c> and checked by a restore.</summary>
public sealed record BackupManifest(int Format, string Provider, DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, long> Rows, long AuditEntries, string? AuditHead, IReadOnlyList<string> KeyIds)
{
    public static string PathFor(string backup) => backup + ".manifest.json";
}

/// <summary>The outcome of a restore: the chain verified, the rows counted against the manifest.</summary>
public sealed record RestoreReport(bool Ok, ChainCheck Chain, IReadOnlyList<string> Problems);

/// <summary>
/// Online backup and restore of the whole database (G3.3: the records the regulation asks to keep must survive a lost
/// server). SQLite: <c>VACUUM INTO</c>, a consistent copy taken while the app writes. PostgreSQL: <c>pg_dump</c> in
/// custom format on an exported snapshot, so the row counts in the manifest are those of the very snapshot dumped.
/// The keys are not in the backup (they live outside the database by design, S2.2): the manifest lists the key ids the
/// data needs, and a restore refuses to call itself good when the key ring lacks one.
/// </summary>
public sealed class DatabaseBackup(IServiceProvider services, IConfiguration config, KeyRing keys, FieldProtector protector, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = true };

    private DatabaseProvider Provider => DataSetup.ProviderOf(config);

    public async Task<BackupManifest> BackupAsync(string file, CancellationToken ct = default)
    {
        file = Path.GetFullPath(file);
        if (File.Exists(file)) throw new BackupException($"{file} exists already; a backup never overwrites one.");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var tables = TableNames();
        BackupManifest manifest;
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using (var live = new SqliteConnection(ConnectionString()))
            {
                await live.OpenAsync(ct);
                await using var vacuum = live.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $file";
                vacuum.Parameters.AddWithValue("$file", file);
                await vacuum.ExecuteNonQueryAsync(ct);
            }
            // Counted in the copy itself: what the manifest promises is what the file holds.
            await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await copy.OpenAsync(ct);
            manifest = await DescribeAsync(copy, tables, ct);
        }
        else
        {
            await using var live = new NpgsqlConnection(ConnectionString());
            await live.OpenAsync(ct);
            await using var tx = await live.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", live, tx);
            var snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
            manifest = await DescribeAsync(live, tables, ct);
            var csb = new NpgsqlConnectionStringBuilder(ConnectionString());
            await RunPgAsync("pg_dump", [.. ConnectionArgs(csb), "--format=custom", "--no-owner", $"--snapshot={snapshot}", "--file", file, csb.Database!], csb, ct);
            await tx.CommitAsync(ct);
        }
        await File.WriteAllTextAsync(BackupManifest.PathFor(file), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>
    /// Restores <paramref name="file"/> into the configured database, which must be empty unless
    /// <paramref name="replace"/> (then a SQLite file is kept aside as <c>.before-restore</c>, a PostgreSQL schema is
    /// cleaned); then applies newer migrations, verifies the audit chain and compares the rows with the manifest.
    /// </summary>
    public async Task<RestoreReport> RestoreAsync(string file, bool replace, CancellationToken ct = default)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file)) throw new BackupException($"{file} does not exist.");
        var manifestPath = BackupManifest.PathFor(file);
        if (!File.Exists(manifestPath)) throw new BackupException($"{manifestPath} is missing: a restore checks the backup against its manifest.");
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct), Json)
            ?? throw new BackupException($"{manifestPath} is empty.");
        if (!string.Equals(manifest.Provider, Provider.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new BackupException($"The backup is of a {manifest.Provider} database; this app is configured for {Provider}.");

        if (Provider == DatabaseProvider.Sqlite) await RestoreSqliteAsync(file, replace, ct);
        else await RestorePostgresAsync(file, replace, ct);

        await services.MigrateAsync();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HuodongDb>();
        var chain = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(ct);
        var problems = new List<string>();
        if (!chain.Ok) problems.Add($"The audit chain breaks at entry {chain.BrokenAt} ({chain.Reason}).");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var now = await DescribeAsync(connection, manifest.Rows.Keys.ToList(), ct);
            foreach (var (table, rows) in manifest.Rows)
                if (now.Rows[table] != rows) problems.Add($"{table}: {now.Rows[table]} rows restored, the backup had {rows}.");
            if (now.AuditHead != manifest.AuditHead) problems.Add("The audit chain's last hash differs from the backup's.");
            await CheckSealedValuesOpenAsync(connection, problems, ct);
        }
        finally { await db.Database.CloseConnectionAsync(); }
        foreach (var id in manifest.KeyIds.Where(id => !keys.Keys.ContainsKey(id)))
            problems.Add($"The key ring lacks key {id}: values sealed with it cannot be read. Restore the key file that went with the backup.");
        return new RestoreReport(problems.Count == 0, chain, problems);
    }

    private async Task RestoreSqliteAsync(string file, bool replace, CancellationToken ct)
    {
        var target = new SqliteConnectionStringBuilder(ConnectionString()).DataSource;
        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await check.OpenAsync(ct);
            await using var cmd = check.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check";
            var answer = (string?)await cmd.ExecuteScalarAsync(ct);
            if (answer != "ok") throw new BackupException($"{file} fails SQLite's integrity check: {answer}");
        }
        SqliteConnection.ClearAllPools();
        if (File.Exists(target) && new FileInfo(target).Length > 0)
        {
            if (!replace) throw new BackupException($"{target} exists; restore into an empty database, or pass --replace to keep it aside and restore over it.");
            var aside = $"{target}.before-restore-{time.GetUtcNow():yyyyMMddHHmmss}";
            File.Move(target, aside);
            foreach (var suffix in new[] { "-wal", "-shm" })
                if (File.Exists(target + suffix)) File.Move(target + suffix, aside + suffix);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }

    private async Task RestorePostgresAsync(string file, bool replace, CancellationToken ct)
    {
        var csb = new NpgsqlConnectionStringBuilder(ConnectionString());
        await using (var connection = new NpgsqlConnection(csb.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
            var tables = (long)(await cmd.ExecuteScalarAsync(ct))!;
            if (tables > 0 && !replace)
                throw new BackupException($"Database {csb.Database} has {tables} tables; restore into an empty database, or pass --replace to clean it first.");
        }
        NpgsqlConnection.ClearAllPools();
        await RunPgAsync("pg_restore", [.. ConnectionArgs(csb), "--no-owner", "--exit-on-error", .. replace ? new[] { "--clean", "--if-exists" } : [],
            "--dbname", csb.Database!, file], csb, ct);
    }

    /// <summary>
    /// A few sealed values of every sealed column must open with this key ring: a ring with the same key ids but other
    /// key bytes (a new key file made in place of the lost one) is found here, not by a member months later.
    /// </summary>
    private async Task CheckSealedValuesOpenAsync(System.Data.Common.DbConnection connection, List<string> problems, CancellationToken ct)
    {
        foreach (var table in SealedColumns.All)
        foreach (var column in table.Columns)
        {
            await using var cmd = connection.CreateCommand();
            var keys = string.Join(", ", table.Keys.Select(k => $"\"{k}\""));
            cmd.CommandText = $"SELECT {keys}, \"{column.Column}\" FROM \"{table.Table}\" WHERE \"{column.Column}\" IS NOT NULL LIMIT 5";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var value = reader.GetString(table.Keys.Length);
                if (FieldProtector.KeyIdOf(value) is not { } keyId) continue; // plain: a mixed or legacy column
                var key = Enumerable.Range(0, table.Keys.Length).Select(reader.GetValue).ToArray();
                try { protector.Decrypt(value, column.Purpose(key)); }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    problems.Add($"{table.Table}.{column.Column}: values sealed with key {keyId} do not open with this key ring. Restore the key file that went with the backup.");
                    break;
                }
            }
        }
    }

    /// <summary>Rows per table, and the audit chain's length and last hash, read on <paramref name="connection"/>.</summary>
    private async Task<BackupManifest> DescribeAsync(System.Data.Common.DbConnection connection, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            rows[table] = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        await using var head = connection.CreateCommand();
        head.CommandText = $"SELECT \"{nameof(AuditEntry.Hash)}\" FROM \"{AuditTable}\" ORDER BY \"{nameof(AuditEntry.Sequence)}\" DESC LIMIT 1";
        var hash = await head.ExecuteScalarAsync(ct) as string;
        rows.TryGetValue(AuditTable, out var audit);
        return new BackupManifest(1, Provider.ToString(), time.GetUtcNow(), rows, audit, hash, keys.Keys.Keys.Order(StringComparer.Ordinal).ToList());
    }

    private string AuditTable => Model().FindEntityType(typeof(AuditEntry))!.GetTableName()!;

    /// <summary>Every table of the model (the Quartz tables and the migrations history are the scheduler's and EF's).</summary>
    private List<string> TableNames() => Model().GetEntityTypes().Where(e => e.GetViewName() is null && !e.IsOwned())
        .Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    private Microsoft.EntityFrameworkCore.Metadata.IModel Model()
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<HuodongDb>().Model;
    }

    private string ConnectionString()
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<HuodongDb>().Database.GetConnectionString()!;
    }

    private static string[] ConnectionArgs(NpgsqlConnectionStringBuilder csb) =>
        ["--host", csb.Host!, "--port", csb.Port.ToString(CultureInfo.InvariantCulture), "--username", csb.Username!, "--no-password"];

    /// <summary>Runs a PostgreSQL client tool; the password goes in the environment, never on the command line.</summary>
    private async Task RunPgAsync(string tool, string[] args, NpgsqlConnectionStringBuilder csb, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(PgTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (!string.IsNullOrEmpty(csb.Password)) psi.Environment["PGPASSWORD"] = csb.Password;
        using var process = Process.Start(psi) ?? throw new BackupException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new BackupException($"{tool} failed ({process.ExitCode}): {(await error + await output).Trim()}");
    }

    /// <summary>
    /// <c>Backup:PgBin</c> when set; else the newest /usr/lib/postgresql/*/bin (pg_dump must be at least the server's
    /// version, and Debian installs each major version there); else the tool on the PATH.
    /// </summary>
    private string PgTool(string tool)
    {
        if (config["Backup:PgBin"] is { Length: > 0 } bin) return Path.Combine(bin, tool);
        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderBy(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).LastOrDefault()
            : null;
        return newest ?? tool;
    }
}

/// <summary>A backup or restore that cannot go on, with the reason in words for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
