using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Huodong.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// API.md "Set-up": <c>Database:Provider</c> picks SQLite (default, a file under App_Data/) or PostgreSQL;
/// <c>ConnectionStrings:Huodong</c> says where. Both providers' migrations are applied at start.
/// </summary>
public static class DataSetup
{
    public static DatabaseProvider ProviderOf(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    /// <summary>The connection string as used (a SQLite path made absolute): the scheduler's store shares it.</summary>
    public static string ConnectionOf(WebApplicationBuilder builder)
    {
        var connection = builder.Configuration.GetConnectionString("Huodong");
        if (ProviderOf(builder.Configuration) == DatabaseProvider.Postgres)
            return string.IsNullOrWhiteSpace(connection)
                ? throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Huodong.")
                : connection;
        return SqliteConnectionString(connection, builder.Environment.ContentRootPath);
    }

    public static void AddData(this WebApplicationBuilder builder)
    {
        var provider = ProviderOf(builder.Configuration);
        var connection = builder.Configuration.GetConnectionString("Huodong");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Huodong.");
            builder.Services.AddDbContext<PostgresDb>(o => o.UseNpgsql(connection)
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, Security.ConfidentialModelCacheKeyFactory>());
            builder.Services.AddScoped<HuodongDb>(sp => sp.GetRequiredService<PostgresDb>());
        }
        else
        {
            connection = SqliteConnectionString(connection, builder.Environment.ContentRootPath);
            builder.Services.AddDbContext<SqliteDb>(o => o.UseSqlite(connection).AddInterceptors(new SqlitePragmas())
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, Security.ConfidentialModelCacheKeyFactory>());
            builder.Services.AddScoped<HuodongDb>(sp => sp.GetRequiredService<SqliteDb>());
        }
    }

    /// <summary>Makes a relative file path absolute under the content root and creates its folder.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? "Data Source=App_Data/huodong.db" : configured);
        if (csb.DataSource != ":memory:" && !csb.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        csb.DefaultTimeout = 30;
        return csb.ToString();
    }

    public static async Task MigrateAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HuodongDb>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work beside the one writer; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Per-connection SQLite settings: durable enough with WAL, foreign keys enforced, and SQLite's own busy handler.
    /// Without <c>busy_timeout</c>, a writer that finds the write lock taken gets SQLITE_BUSY at once and
    /// Microsoft.Data.Sqlite retries it after a fixed 150 ms <c>Thread.Sleep</c> (blocking the request's thread), so a
    /// registration rush of 64 concurrent members ran at ~150 registrations/s with p99 over a second, and a long
    /// enough queue would end in SQLITE_BUSY after the 30 s timeout. SQLite's handler retries within milliseconds.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            cmd.ExecuteNonQuery();
        }
    }
}
