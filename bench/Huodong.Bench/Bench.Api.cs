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

/// <summary>The rush through the app: logging the members in and creating the capped activities over HTTP.</summary>
static partial class Bench
{
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
}
