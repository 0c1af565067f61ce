using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Huodong.Web.Data;

/// <summary>The model on SQLite (the embedded default). Migrations: Data/Migrations/Sqlite.</summary>
public sealed class SqliteDb(DbContextOptions<SqliteDb> options) : HuodongDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        // SQLite has no date type. Times are stored as UTC ticks: they sort and compare in SQL and keep full
        // precision (EF's DateTimeOffsetToBinaryConverter keeps only 0.1 ms, which would break audit hashes).
        b.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>The model on PostgreSQL (production). Migrations: Data/Migrations/Postgres.</summary>
public sealed class PostgresDb(DbContextOptions<PostgresDb> options) : HuodongDb(options);
