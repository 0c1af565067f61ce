using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Data;
using Huodong.Web.People;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests;

/// <summary>
/// The real app (Development, demo seed on) over a real database of its own, shared by the tests of one class.
/// Derived per provider: <see cref="SqliteApp"/> on a fresh temp file, <see cref="PostgresApp"/> on a fresh database
/// of the shared <see cref="PostgresServer"/>. Bearer tokens are cached per account (password hashing is slow).
/// </summary>
public abstract class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Huodong-Demo-2026";
    public const string Domain = DemoSeed.Domain;

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();
    private string? _connection;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Why this fixture has no database, when it has none (the tests skip with this reason).</summary>
    public string? Unavailable { get; private set; }

    protected abstract Task<(string? Connection, string? Unavailable)> CreateDatabaseAsync();
    protected abstract Task DropDatabaseAsync(string connection);

    public async ValueTask InitializeAsync()
    {
        (_connection, Unavailable) = await CreateDatabaseAsync();
        if (_connection is null)
        {
            if (PostgresServer.InfrastructureRequired)
                throw new InvalidOperationException($"HUODONG_REQUIRE_INFRA=1 but {Provider} is not available: {Unavailable}");
            return;
        }
        StartServer(); // migrate and seed now, not inside the first test's timing
    }

    /// <summary>Skips the calling test when this fixture's database is not available.</summary>
    public void SkipUnlessAvailable()
    {
        if (Unavailable is not null) Assert.Skip($"{Provider} is not available: {Unavailable}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Huodong", _connection);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        // Most tests drive launches and ends themselves; the scheduler's own tests turn it on (SchedulerTests).
        builder.UseSetting("Scheduler:Enabled", "false");
        // Every test signs in from 127.0.0.1; RateLimitTests turns the limits on with small numbers.
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.StaticFiles", "Error");
        // Cheaper password hashes than production's 100,000 PBKDF2 rounds: the burst tests sign in all 200 demo
        // members on each provider, and hashing dominated the run. Hashing itself stays real (DemoSeedTests).
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    /// <summary>An anonymous client: no token, no cookies.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    /// <summary>A client signed in as <paramref name="account"/> ("head", "member7" or a full email) over /api/auth/login.</summary>
    public async Task<HttpClient> As(string account)
    {
        var email = account.Contains('@') ? account : $"{account}@{Domain}";
        var token = await _tokens.GetOrAdd(email, e => new Lazy<Task<string>>(() => LoginAsync(e))).Value;
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> LoginAsync(string email)
    {
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoPassword });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<LoginAnswer>();
        return body!.AccessToken;
    }

    private sealed record LoginAnswer(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);

    /// <summary>Creates a staff account with the given roles (the demo has one head and one leader only).</summary>
    public Task<string> CreateStaffAsync(string name, params string[] roles) => CreateStaffAsync(name, onboarded: true, roles);

    /// <summary>Creates an account with the given roles; staff are onboarded (agreement signed, trained) unless told not.</summary>
    public async Task<string> CreateStaffAsync(string name, bool onboarded, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{name}-{Guid.NewGuid():N}@test.huodong";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(user, DemoPassword));
        foreach (var role in roles) Check(await users.AddToRoleAsync(user, role));
        if (onboarded && roles.Any(r => Roles.Staff.Contains(r)))
        {
            // An onboarded colleague, like the demo staff: the current agreement signed, the training passed (S2.1, S2.3).
            var db = scope.ServiceProvider.GetRequiredService<HuodongDb>();
            var version = await db.Set<Huodong.Web.Security.AgreementVersion>().MaxAsync(v => v.Version);
            db.Add(new Huodong.Web.Security.AgreementSignature(user.Id, version, DateTimeOffset.UtcNow));
            db.Add(new Huodong.Web.Security.TrainingRecord(user.Id, "保密培训", DateTimeOffset.UtcNow.AddDays(-1), true, user.Id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        return email;

        static void Check(IdentityResult r)
        {
            if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Runs <paramref name="work"/> against the app's own DbContext, in a scope of its own.</summary>
    public async Task<T> WithDb<T>(Func<HuodongDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HuodongDb>());
    }

    public Task WithDb(Func<HuodongDb, Task> work) => WithDb(async db => { await work(db); return true; });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connection is not null) await DropDatabaseAsync(_connection);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The app on SQLite, on a fresh file in a temp folder of its own.</summary>
public class SqliteApp : TestApp
{
    private string? _dir;
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<(string?, string?)> CreateDatabaseAsync()
    {
        _dir = Directory.CreateTempSubdirectory("huodong-test.").FullName;
        return Task.FromResult<(string?, string?)>(($"Data Source={Path.Combine(_dir, "huodong.db")}", null));
    }

    protected override Task DropDatabaseAsync(string connection)
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir!, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

/// <summary>The app on PostgreSQL, on a fresh database of the shared test server.</summary>
public class PostgresApp : TestApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override Task<(string?, string?)> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync();
    protected override Task DropDatabaseAsync(string connection) => PostgresServer.DropDatabaseAsync(connection);
}
