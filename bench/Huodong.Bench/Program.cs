// The registration-rush benchmark's helper (bench/README.md). Subcommands, each printing key=value lines:
//   members  --provider P --conn C --count N --password PW        bulk-insert N members, one shared password hash
//   login    --url U --count N --password PW --parallel K --out F  log the members in, write token/phone/name/email
//   activity --url U --password PW --capacity C [--count K]        create and approve K capped activities via the API
//   raw      --provider P --conn C --activity A --count N --concurrency K [--serialize 1]   the claim without HTTP
//   count    --provider P --conn C --activity A                    what the database holds for an activity
//   versions                                                        .NET runtime, the SQLite library the app loads, Npgsql
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

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0) { Console.Error.WriteLine("usage: Huodong.Bench members|login|activity|raw|count --key value …"); return 2; }
var a = Args.Parse(args[1..]);
return args[0] switch
{
    "members" => await Bench.MembersAsync(a),
    "login" => await Bench.LoginAsync(a),
    "activity" => await Bench.ActivityAsync(a),
    "raw" => await Bench.RawAsync(a),
    "count" => await Bench.CountAsync(a),
    "versions" => Bench.Versions(),
    _ => throw new ArgumentException($"unknown command {args[0]}"),
};

sealed class Args(Dictionary<string, string> values)
{
    public static Args Parse(string[] args)
    {
        var d = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            d[args[i].TrimStart('-')] = args[i + 1];
        return new Args(d);
    }

    public string this[string key] => values.TryGetValue(key, out var v) ? v : throw new ArgumentException($"--{key} is required");
    public int Int(string key, int? fallback = null) =>
        values.TryGetValue(key, out var v) ? int.Parse(v) : fallback ?? throw new ArgumentException($"--{key} is required");
    public bool Has(string key) => values.ContainsKey(key);
    public bool IsPostgres => this["provider"].Equals("Postgres", StringComparison.OrdinalIgnoreCase);
}

static class Bench
{
    public const string Domain = "bench.huodong";
    public static string Email(int n) => $"rush{n}@{Domain}";
    public static string Phone(int n) => $"139{n:00000000}";
    public static string Name(int n) => $"压测会员{n}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static HuodongDb Db(Args a) => a.IsPostgres
        ? new PostgresDb(new DbContextOptionsBuilder<PostgresDb>().UseNpgsql(a["conn"]).Options)
        : new SqliteDb(new DbContextOptionsBuilder<SqliteDb>().UseSqlite(a["conn"]).Options);

    /// <summary>Members rush1…rushN with levels 1–5, all with one password hash (as People/DemoSeed.cs does).</summary>
    public static async Task<int> MembersAsync(Args a)
    {
        var count = a.Int("count");
        var sw = Stopwatch.StartNew();
        await using var db = Db(a);
        var role = await db.Roles.SingleAsync(r => r.NormalizedName == Roles.Member.ToUpperInvariant());
        var hash = new PasswordHasher<AppUser>().HashPassword(null!, a["password"]);
        var now = DateTimeOffset.UtcNow;
        for (var start = 1; start <= count; start += 500)
        {
            for (var n = start; n < start + 500 && n <= count; n++)
            {
                var email = Email(n);
                var user = new AppUser
                {
                    Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(),
                    Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
                    DisplayName = Name(n), Level = 1 + n % 5, PasswordHash = hash,
                    SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                    LockoutEnabled = true, CreatedAt = now,
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"members={count} seconds={sw.Elapsed.TotalSeconds:F2}");
        return 0;
    }

    private static HttpClient Client(string url, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
            { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };

    private static async Task<string> TokenAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"login {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Logs every member in (the app hashes each password: PBKDF2), writes one line per member for wrk.</summary>
    public static async Task<int> LoginAsync(Args a)
    {
        var count = a.Int("count");
        var parallel = a.Int("parallel", 2 * Environment.ProcessorCount);
        var password = a["password"];
        using var client = Client(a["url"], parallel);
        var lines = new string[count];
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (n, _) => lines[n - 1] = $"{await TokenAsync(client, Email(n), password)}\t{Phone(n)}\t{Name(n)}\t{Email(n)}");
        var seconds = sw.Elapsed.TotalSeconds;
        await File.WriteAllLinesAsync(a["out"], lines);
        Console.WriteLine($"logins={count} parallel={parallel} seconds={seconds:F2} per_s={count / seconds:F1}");
        return 0;
    }

    /// <summary>
    /// Capped activities with registration open now and no waitlist, created by the planner and passed by the head
    /// and the leader through the API (the leader's approval creates the seats row).
    /// </summary>
    public static async Task<int> ActivityAsync(Args a)
    {
        var password = a["password"];
        var capacity = a.Int("capacity");
        using var client = Client(a["url"], 4);
        var planner = await TokenAsync(client, $"planner@{DemoSeed.Domain}", password);
        var head = await TokenAsync(client, $"head@{DemoSeed.Domain}", password);
        var leader = await TokenAsync(client, $"leader@{DemoSeed.Domain}", password);
        var review = new
        {
            decision = "pass", comment = "同意。",
            points = new[] { "theme", "content", "participation", "rewards", "resources", "risks" }
                .ToDictionary(p => p, _ => new { ok = true, comment = (string?)null }),
        };
        for (var i = 0; i < a.Int("count", 1); i++)
        {
            var now = DateTimeOffset.UtcNow;
            var plan = DemoPlans.Complete(now, $"报名压测 {now:HHmmss}-{i}", ActivityFormat.Contest, days: 10) with
            {
                Participation = new ParticipationPlan { Method = ParticipationMethod.Registration, Capacity = capacity, Waitlist = false },
                Schedule = new Schedule
                {
                    RegistrationOpensAt = now.AddHours(-1), RegistrationClosesAt = now.AddDays(9),
                    StartsAt = now.AddDays(10), EndsAt = now.AddDays(11),
                },
            };
            var created = await SendAsync(client, planner, "/api/activities", plan);
            var id = created.GetProperty("id").GetString()!;
            await SendAsync(client, planner, $"/api/activities/{id}/submit", null);
            await SendAsync(client, head, $"/api/activities/{id}/reviews", review);
            var approved = await SendAsync(client, leader, $"/api/activities/{id}/reviews", review);
            var status = approved.GetProperty("status").GetString();
            if (status != "Approved") throw new InvalidOperationException($"activity {id} is {status}, not Approved");
            Console.WriteLine(id);
        }
        return 0;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, string token, string path, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

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

    public static int Versions()
    {
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT sqlite_version()";
        Console.WriteLine($"runtime={System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.Replace(' ', '_')} " +
                          $"sqlite={cmd.ExecuteScalar()} npgsql={typeof(NpgsqlConnection).Assembly.GetName().Version} " +
                          $"efcore={typeof(DbContext).Assembly.GetName().Version}");
        return 0;
    }

    /// <summary>Counts straight from the database: places, rows, duplicates, and whether the counters agree.</summary>
    public static async Task<int> CountAsync(Args a)
    {
        var id = Guid.Parse(a["activity"]);
        await using var db = Db(a);
        var regs = db.Registrations.Where(r => r.ActivityId == id);
        var confirmed = await regs.CountAsync(r => r.Status == RegistrationStatus.Confirmed);
        var waitlisted = await regs.CountAsync(r => r.Status == RegistrationStatus.Waitlisted);
        var rows = await regs.CountAsync();
        var duplicateMembers = await regs.GroupBy(r => r.MemberId).Where(g => g.Count() > 1).CountAsync();
        var duplicateNumbers = await regs.GroupBy(r => r.Number).Where(g => g.Count() > 1).CountAsync();
        var duplicatePhones = await regs.GroupBy(r => r.Contact.PhoneIndex).Where(g => g.Count() > 1).CountAsync();
        var seats = await db.ActivitySeats.Where(s => s.ActivityId == id)
            .Select(s => new { s.Capacity, s.Confirmed, s.Waitlisted }).SingleAsync();
        var events = await db.ActivityEvents.CountAsync(e => e.ActivityId == id && e.Kind == ActivityEventKind.Registered);
        Console.WriteLine($"capacity={seats.Capacity} confirmed={confirmed} waitlisted={waitlisted} rows={rows} " +
                          $"seats_confirmed={seats.Confirmed} seats_waitlisted={seats.Waitlisted} registered_events={events} " +
                          $"duplicate_members={duplicateMembers} duplicate_numbers={duplicateNumbers} duplicate_phones={duplicatePhones}");
        return 0;
    }
}
