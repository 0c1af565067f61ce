using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Data;

namespace Huodong.Tests.Operations;

/// <summary>
/// PostgreSQL stopped under a running app (issue 10, G3.3): API calls get 503 problem details with a clear message in
/// the caller's language and a Retry-After, pages a 503 page, <c>/healthz</c> says the database is unreachable, and
/// once the server is back the app serves again by itself — no restart. On a cluster of the test's own.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopping_PostgreSQL_gives_clear_503s_and_the_app_recovers_by_itself_when_it_is_back()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        if (cluster.Unavailable is { } why)
        {
            if (PostgresServer.InfrastructureRequired) throw new InvalidOperationException($"HUODONG_REQUIRE_INFRA=1 but {why}");
            Assert.Skip(why);
        }
        await using var app = new GivenDatabaseApp(DatabaseProvider.Postgres, cluster.Connection, seed: true, drop: false);
        await app.InitializeAsync();
        var member = await app.As("member7");
        var activity = (await member.GetFromJsonAsync<JsonElement>("/api/activities?status=Live", Ct)).GetProperty("items")[0].GetProperty("id").GetGuid();
        var anonymous = app.Anonymous();

        await cluster.StopServerAsync();

        var list = await member.GetAsync("/api/activities", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.Equal("5", list.Headers.GetValues("Retry-After").Single());
        var problem = await list.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("database-unavailable", problem.GetProperty("code").GetString());
        Assert.Equal("数据库暂时没有响应。", problem.GetProperty("title").GetString());

        using var english = new HttpRequestMessage(HttpMethod.Post, $"/api/activities/{activity}/comments")
        {
            Content = JsonContent.Create(new { body = "断线期间的评论" }),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var comment = await member.SendAsync(english, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, comment.StatusCode);
        Assert.Equal("The database is not answering just now.", (await comment.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());

        var health = await anonymous.GetAsync("/healthz", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("database unreachable", await health.Content.ReadAsStringAsync(Ct));

        var page = await anonymous.GetAsync($"/activities/{activity}", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("数据库暂时没有响应。", await page.Content.ReadAsStringAsync(Ct));

        Assert.Null(await cluster.StartServerAsync());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            status = (await anonymous.GetAsync("/healthz", Ct)).StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(250, Ct);
        } while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/activities", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/activities/{activity}", Ct)).StatusCode);
        var after = await member.PostAsJsonAsync($"/api/activities/{activity}/comments", new { body = "数据库恢复后的评论" }, Ct);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        var comments = await (await member.GetAsync($"/api/activities/{activity}/comments", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("数据库恢复后的评论", comments);
        Assert.DoesNotContain("断线期间的评论", comments);
    }
}
