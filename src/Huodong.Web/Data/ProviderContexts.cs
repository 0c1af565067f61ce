using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Huodong.Web.Data;

/// <summary>The model on SQLite (the embedded default). Migrations: Data/Migrations/Sqlite.</summary>
public sealed class SqliteDb(DbContextOptions<SqliteDb> options) : HuodongDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        // SQLite has no date type; stored as UTC ticks the times sort and compare in SQL.
        b.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        b.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>The model on PostgreSQL (production). Migrations: Data/Migrations/Postgres.</summary>
public sealed class PostgresDb(DbContextOptions<PostgresDb> options) : HuodongDb(options);
