using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// <summary>The same claim transaction straight against the database, without HTTP or EF, for the ratio column.</summary>
static partial class Bench
{
    /// <summary>
    /// The database's own ceiling for the claim: the same conditional UPDATE of the seats row as
    /// <see cref="Seats.ClaimAsync"/> and, when it took a place, the INSERT of a registration row with ciphertexts of
    /// the app's size, in one transaction (BEGIN IMMEDIATE on SQLite, as the app's EF transaction), by
    /// <c>concurrency</c> workers each on its own connection, one attempt per member, against a fresh activity.
    /// </summary>
    public static async Task<int> RawAsync(Args a)
    {
        var count = a.Int("count");
        var concurrency = a.Int("concurrency");
        var activity = Guid.Parse(a["activity"]);
        List<Guid> members;
        await using (var db = Db(a))
            members = await db.Users.Where(u => u.NormalizedEmail!.EndsWith("@" + Domain.ToUpperInvariant()))
                .OrderBy(u => u.Id).Select(u => u.Id).Take(count).ToListAsync();
        if (members.Count < count) throw new InvalidOperationException($"only {members.Count} bench members");

        // Values shaped like the app's (FieldProtector ciphertexts and blind indexes), made before the clock starts.
        var protector = new FieldProtector(new KeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32) },
            RandomNumberGenerator.GetBytes(32)));
        var rows = members.Select((m, i) =>
        {
            var phone = "+86" + Phone(i + 1);
            return new RawRow(m, protector.Encrypt(Name(i + 1), RegisterMember.NamePurpose), protector.Encrypt(phone, RegisterMember.PhonePurpose),
                protector.BlindIndex(phone, RegisterMember.PhonePurpose), protector.Encrypt(Email(i + 1), RegisterMember.EmailPurpose),
                protector.BlindIndex(Email(i + 1), RegisterMember.EmailPurpose));
        }).ToArray();

        var next = -1;
        var claims = 0;
        var full = 0;
        var errors = new ConcurrentQueue<string>();
        long lastClaim = 0;
        using var ready = new Barrier(concurrency + 1);
        long started = 0;

        void Loop(Func<RawRow, bool> attempt)
        {
            ready.SignalAndWait();
            int i;
            while ((i = Interlocked.Increment(ref next)) < rows.Length)
            {
                try
                {
                    if (attempt(rows[i])) { Interlocked.Increment(ref claims); Interlocked.Exchange(ref lastClaim, Stopwatch.GetTimestamp()); }
                    else Interlocked.Increment(ref full);
                }
                catch (Exception e) { errors.Enqueue(e.GetType().Name + ": " + e.Message); }
            }
        }

        var threads = new List<Thread>();
        NpgsqlDataSource? source = null;
        if (a.IsPostgres)
        {
            source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(a["conn"]) { MaxPoolSize = concurrency + 2 }.ConnectionString);
            for (var w = 0; w < concurrency; w++)
            {
                var conn = source.OpenConnection(); // opened before the clock starts
                threads.Add(new Thread(() => { using (conn) Loop(row => ClaimPostgres(conn, activity, row)); }));
            }
        }
        else
        {
            var cs = new SqliteConnectionStringBuilder(a["conn"]) { DefaultTimeout = 30 }.ConnectionString;
            // --serialize 1: one writer at a time by an in-process lock instead of SQLite's busy handler (a diagnostic).
            var gate = a.Has("serialize") ? new object() : null;
            for (var w = 0; w < concurrency; w++)
            {
                var conn = new SqliteConnection(cs);
                conn.Open();
                using (var pragma = conn.CreateCommand())
                {
                    // The app's own per-connection settings (Data/DataSetup.cs, SqlitePragmas).
                    pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
                    pragma.ExecuteNonQuery();
                }
                threads.Add(new Thread(() => { using (conn) Loop(row => { if (gate is null) return ClaimSqlite(conn, activity, row); lock (gate) return ClaimSqlite(conn, activity, row); }); }));
            }
        }
        threads.ForEach(t => t.Start());
        ready.SignalAndWait();
        started = Stopwatch.GetTimestamp();
        threads.ForEach(t => t.Join());
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var claimSeconds = lastClaim == 0 ? double.NaN : Stopwatch.GetElapsedTime(started, lastClaim).TotalSeconds;
        if (source is not null) await source.DisposeAsync();
        foreach (var e in errors.Distinct().Take(5)) Console.Error.WriteLine("raw error: " + e);
        Console.WriteLine($"attempts={rows.Length} claims={claims} full={full} errors={errors.Count} concurrency={concurrency} " +
                          $"seconds={seconds:F4} tx_per_s={rows.Length / seconds:F1} claim_seconds={claimSeconds:F4} " +
                          $"claims_per_s={claims / claimSeconds:F1}");
        return errors.IsEmpty ? 0 : 1;
    }

    private sealed record RawRow(Guid Member, string Name, string Phone, string PhoneIndex, string Email, string EmailIndex);

    private const string ClaimSql = """
        UPDATE "ActivitySeats" SET "Confirmed" = "Confirmed" + 1, "NextNumber" = "NextNumber" + 1
        WHERE "ActivityId" = @a AND ("Capacity" IS NULL OR "Confirmed" < "Capacity")
        RETURNING "NextNumber"
        """;

    private const string InsertSql = """
        INSERT INTO "Registrations" ("Id", "ActivityId", "MemberId", "Number", "Status", "RealNameProtected", "PhoneProtected",
            "PhoneIndex", "EmailProtected", "EmailIndex", "AnswersJson", "CreatedAt", "StatusChangedAt")
        VALUES (@id, @a, @m, @n, 'Confirmed', @name, @phone, @phoneIndex, @email, @emailIndex, NULL, @at, @at)
        """;

    private static bool ClaimPostgres(NpgsqlConnection conn, Guid activity, RawRow row)
    {
        using var tx = conn.BeginTransaction();
        using var claim = new NpgsqlCommand(ClaimSql, conn, tx);
        claim.Parameters.AddWithValue("a", activity);
        if (claim.ExecuteScalar() is not long number) return false; // full: rolled back on dispose, as the app does
        var at = DateTimeOffset.UtcNow;
        using var insert = new NpgsqlCommand(InsertSql, conn, tx);
        insert.Parameters.AddWithValue("id", Guid.CreateVersion7(at));
        insert.Parameters.AddWithValue("a", activity);
        insert.Parameters.AddWithValue("m", row.Member);
        insert.Parameters.AddWithValue("n", number);
        insert.Parameters.AddWithValue("name", row.Name);
        insert.Parameters.AddWithValue("phone", row.Phone);
        insert.Parameters.AddWithValue("phoneIndex", row.PhoneIndex);
        insert.Parameters.AddWithValue("email", row.Email);
        insert.Parameters.AddWithValue("emailIndex", row.EmailIndex);
        insert.Parameters.AddWithValue("at", at);
        insert.ExecuteNonQuery();
        tx.Commit();
        return true;
    }

    private static bool ClaimSqlite(SqliteConnection conn, Guid activity, RawRow row)
    {
        using var tx = conn.BeginTransaction(); // Serializable, not deferred: BEGIN IMMEDIATE
        using var claim = conn.CreateCommand();
        claim.Transaction = tx;
        claim.CommandText = ClaimSql;
        claim.Parameters.AddWithValue("@a", Text(activity));
        if (claim.ExecuteScalar() is not long number) return false;
        var at = DateTimeOffset.UtcNow;
        using var insert = conn.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = InsertSql;
        insert.Parameters.AddWithValue("@id", Text(Guid.CreateVersion7(at)));
        insert.Parameters.AddWithValue("@a", Text(activity));
        insert.Parameters.AddWithValue("@m", Text(row.Member));
        insert.Parameters.AddWithValue("@n", number);
        insert.Parameters.AddWithValue("@name", row.Name);
        insert.Parameters.AddWithValue("@phone", row.Phone);
        insert.Parameters.AddWithValue("@phoneIndex", row.PhoneIndex);
        insert.Parameters.AddWithValue("@email", row.Email);
        insert.Parameters.AddWithValue("@emailIndex", row.EmailIndex);
        insert.Parameters.AddWithValue("@at", at.UtcTicks); // SqliteDb stores times as UTC ticks
        insert.ExecuteNonQuery();
        tx.Commit();
        return true;
    }

    /// <summary>EF Core's SQLite form of a Guid: upper-case text.</summary>
    private static string Text(Guid g) => g.ToString().ToUpperInvariant();
}
