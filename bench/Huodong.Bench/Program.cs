// The registration-rush benchmark's helper (bench/README.md). Subcommands, each printing key=value lines:
//   members  --provider P --conn C --count N --password PW        bulk-insert N members, one shared password hash
//   login    --url U --count N --password PW --parallel K --out F  log the members in, write token/phone/name/email
//   activity --url U --password PW --capacity C [--count K]        create and approve K capped activities via the API
//   raw      --provider P --conn C --activity A --count N --concurrency K [--serialize 1]   the claim without HTTP
//   count    --provider P --conn C --activity A                    what the database holds for an activity
//   evaluation-data --provider P --conn C --activity A [--participants N] [--events M]   bench/evaluation's data
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
    "evaluation-data" => await Bench.EvaluationDataAsync(a),
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

static partial class Bench
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
}
