using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Planning;
using Npgsql;

namespace Huodong.Tests.Operations;

/// <summary>
/// Two app processes on one PostgreSQL database with Debian's nginx in front (DESIGN.md scale-out, issue 10): built
/// and started once for the class, the demo seeded by the first.
/// </summary>
public sealed partial class TwoInstances : IAsyncLifetime
{
    public const string Password = "Huodong-Demo-2026";
    private string? _keys;

    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;
    public NginxProxy Proxy { get; private set; } = null!;
    public string Connection { get; private set; } = "";
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var (connection, unavailable) = await PostgresServer.CreateDatabaseAsync();
        Unavailable = unavailable ?? (NginxProxy.Binary is null ? "nginx is not installed (apt-get install nginx-light)." : null);
        if (Unavailable is not null)
        {
            if (PostgresServer.InfrastructureRequired) throw new InvalidOperationException($"HUODONG_REQUIRE_INFRA=1 but {Unavailable}");
            return;
        }
        Connection = connection!;
        _keys = Path.Combine(Directory.CreateTempSubdirectory("huodong-keys.").FullName, "keys.json");
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Huodong"] = Connection,
            ["Security__KeyFile"] = _keys,
            ["Demo__Password"] = Password,
            ["RateLimits__Enabled"] = "false",
            ["Scheduler__Enabled"] = "true",
            ["Scheduler__Reminders__0"] = "00:01:30", // not whole minutes on purpose (ReminderKeyTests),
            ["Scheduler__ClusterCheckin"] = "00:00:03",
        };
        A = await AppProcess.StartAsync("instance A", new Dictionary<string, string>(env) { ["Demo__Seed"] = "true" });
        B = await AppProcess.StartAsync("instance B", new Dictionary<string, string>(env) { ["Demo__Seed"] = "false" });
        Proxy = await NginxProxy.StartAsync(A, B);
        if (Proxy.Unavailable is not null)
        {
            if (PostgresServer.InfrastructureRequired) throw new InvalidOperationException($"HUODONG_REQUIRE_INFRA=1 but {Proxy.Unavailable}");
            Unavailable = Proxy.Unavailable;
        }
    }

    public void SkipUnlessAvailable()
    {
        if (Unavailable is not null) Assert.Skip(Unavailable);
    }

    public static HttpClient Client(string url) => new() { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };

    public async Task<HttpClient> As(string account, string? url = null)
    {
        var client = Client(url ?? Proxy.Url);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{account}@demo.huodong", password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<long> ScalarAsync(string sql, Guid activity)
    {
        await using var c = new NpgsqlConnection(Connection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        cmd.Parameters.AddWithValue("id", activity);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null) await Proxy.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (Unavailable is null && Connection.Length > 0) await PostgresServer.DropDatabaseAsync(Connection);
        if (_keys is not null) try { Directory.Delete(Path.GetDirectoryName(_keys)!, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Through nginx over two instances: a registration rush never oversells one capacity, a scheduled reminder fires
/// once for the cluster, a cookie issued by one instance is honoured by the other; and an instance killed with
/// SIGKILL in the middle of a rush loses no answered registration and doubles none, the clients retrying with their
/// Idempotency-Key through the other instance.
/// </summary>
public sealed partial class TwoInstancesTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_behind_nginx_share_one_capacity_one_scheduler_and_the_sign_in()
    {
        cluster.SkipUnlessAvailable();
        var members = await SignInAll(Enumerable.Range(41, 60).Select(n => $"member{n}"));
        var t0 = DateTimeOffset.UtcNow;
        // Registration open now; the reminder (90 s before the start, see the fixture) comes ~60 s after approval.
        var activity = await ApprovedActivity(ParticipationPlans.OpenNow(capacity: 5, waitlist: false) with
        {
            Schedule = new Schedule
            {
                RegistrationOpensAt = t0.AddDays(-1), RegistrationClosesAt = t0.AddSeconds(150),
                StartsAt = t0.AddSeconds(150), EndsAt = t0.AddHours(2),
            },
        });

        var answers = await Task.WhenAll(members.Select((m, i) => m.Client.PostAsJsonAsync($"/api/activities/{activity}/registrations",
            new { realName = "并发测试", phone = $"1390000{i:D4}" }, Ct)));

        var codes = answers.GroupBy(a => (int)a.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(5, codes.GetValueOrDefault(201));
        Assert.Equal(55, codes.GetValueOrDefault(422));
        Assert.Equal(60, codes.Values.Sum());
        Assert.Equal(5, await cluster.ScalarAsync("SELECT count(*) FROM \"Registrations\" WHERE \"ActivityId\" = @id AND \"Status\" = 'Confirmed'", activity));
        Assert.Equal(5, await cluster.ScalarAsync("SELECT \"Confirmed\" FROM \"ActivitySeats\" WHERE \"ActivityId\" = @id", activity));

        // A cookie from instance A's sign-in page opens a signed-in page on instance B (keys shared in the database).
        using var cookies = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(cookies);
        var form = await browser.GetStringAsync($"{cluster.A.Url}/account/login", Ct);
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var signIn = await browser.PostAsync($"{cluster.A.Url}/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "member7@demo.huodong", ["Password"] = TwoInstances.Password, ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var onB = await browser.GetAsync($"{cluster.B.Url}/me/profile", Ct);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);

        // The reminder: one run for the cluster, one notice per confirmed registrant, whichever instance fired it.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await cluster.ScalarAsync("SELECT count(*) FROM \"ScheduledRun\" WHERE \"ActivityId\" = @id AND \"Kind\" = 'Reminder'", activity) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the reminder did not fire within three minutes");
            await Task.Delay(1000, Ct);
        }
        await Task.Delay(TimeSpan.FromSeconds(5), Ct); // room for a second firing, if there were one
        Assert.Equal(1, await cluster.ScalarAsync("SELECT count(*) FROM \"ScheduledRun\" WHERE \"ActivityId\" = @id AND \"Kind\" = 'Reminder'", activity));
        Assert.Equal(5, await cluster.ScalarAsync("SELECT count(*) FROM \"Notifications\" WHERE \"ActivityId\" = @id AND \"Kind\" = 'StartsSoon'", activity));
        Assert.Equal(5, await cluster.ScalarAsync("SELECT count(DISTINCT \"UserId\") FROM \"Notifications\" WHERE \"ActivityId\" = @id AND \"Kind\" = 'StartsSoon'", activity));
    }

    [Fact]
    public async Task An_instance_killed_mid_rush_loses_no_answered_registration_and_doubles_none()
    {
        cluster.SkipUnlessAvailable();
        var members = await SignInAll(Enumerable.Range(101, 90).Select(n => $"member{n}"));
        var activity = await ApprovedActivity(ParticipationPlans.OpenNow(capacity: 30, waitlist: false));
        var answered = 0;
        var finals = new ConcurrentDictionary<string, int>();
        var killed = new TaskCompletionSource();

        var rush = members.Select((m, i) => Task.Run(async () =>
        {
            var key = Guid.NewGuid().ToString();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/activities/{activity}/registrations")
                    {
                        Content = JsonContent.Create(new { realName = "断电测试", phone = $"1370000{i:D4}" }),
                    };
                    request.Headers.Add("Idempotency-Key", key);
                    var response = await m.Client.SendAsync(request, Ct);
                    if ((int)response.StatusCode is 502 or 503 or 504 && attempt < 10) { await Task.Delay(300, Ct); continue; }
                    finals[m.Account] = (int)response.StatusCode;
                    if (Interlocked.Increment(ref answered) == 20) killed.TrySetResult();
                    return;
                }
                catch (HttpRequestException) when (attempt < 10) { await Task.Delay(300, Ct); }
            }
        }, Ct)).ToList();
        await Task.WhenAny(killed.Task, Task.WhenAll(rush));
        cluster.B.Kill();
        try { await Task.WhenAll(rush); }
        finally { await cluster.B.StartAgainAsync(); } // the other test needs both instances, whatever happens here

        Assert.Equal(90, finals.Count);
        Assert.DoesNotContain(finals.Values, s => s >= 500);
        var confirmed = 0;
        foreach (var m in members)
        {
            var mine = await (await m.Client.GetAsync("/api/me/activities", Ct)).Content.ReadAsStringAsync(Ct);
            var registered = mine.Contains(activity.ToString(), StringComparison.OrdinalIgnoreCase);
            if (registered) confirmed++;
            if (finals[m.Account] == 201) Assert.True(registered, $"{m.Account} was answered 201 but holds no registration");
            if (finals[m.Account] == 422) Assert.False(registered, $"{m.Account} was refused but holds a registration");
        }
        Assert.InRange(confirmed, finals.Values.Count(s => s == 201), 30);
        Assert.Equal(confirmed, await cluster.ScalarAsync("SELECT count(*) FROM \"Registrations\" WHERE \"ActivityId\" = @id", activity));
        Assert.Equal(confirmed, await cluster.ScalarAsync("SELECT count(DISTINCT \"MemberId\") FROM \"Registrations\" WHERE \"ActivityId\" = @id", activity));
        Assert.Equal(confirmed, await cluster.ScalarAsync("SELECT \"Confirmed\" FROM \"ActivitySeats\" WHERE \"ActivityId\" = @id", activity));

        // Restarted, the killed instance serves the same registrations.
        var planner = await cluster.As("planner", cluster.B.Url);
        var list = await planner.GetFromJsonAsync<JsonElement>($"/api/activities/{activity}/registrations?pageSize=100", Ct);
        Assert.Equal(confirmed, list.GetProperty("total").GetInt32());
    }

    private async Task<List<(string Account, HttpClient Client)>> SignInAll(IEnumerable<string> accounts)
    {
        var result = new ConcurrentBag<(string, HttpClient)>();
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
            async (a, _) => result.Add((a, await cluster.As(a))));
        return result.OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
    }

    private async Task<Guid> ApprovedActivity(Plan plan)
    {
        var planner = await cluster.As("planner");
        var draft = await (await planner.PostJson("/api/activities", plan)).Expect<JsonElement>(HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        await (await planner.PostJson($"/api/activities/{id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        await (await (await cluster.As("head")).PostJson($"/api/activities/{id}/reviews", Verdicts.Body("pass"))).ShouldBe(HttpStatusCode.OK);
        await (await (await cluster.As("leader")).PostJson($"/api/activities/{id}/reviews", Verdicts.Body("pass"))).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
