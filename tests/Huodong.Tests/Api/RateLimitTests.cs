using System.Net;
using System.Net.Http.Json;
using Huodong.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Huodong.Tests.Api;

/// <summary>The app with small limits: 5 requests a minute per account, 8 per address, 3 sign-ins per address.</summary>
public sealed class RateLimitedApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Enabled", "true");
        builder.UseSetting("RateLimits:PerAccountPerMinute", "5");
        builder.UseSetting("RateLimits:PerAddressPerMinute", "8");
        builder.UseSetting("RateLimits:SignInsPerMinute", "3");
    }
}

/// <summary>API.md "Set-up": 429 with Retry-After, counted per account when signed in and per address otherwise.</summary>
public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Limits_count_per_account_and_per_address_and_sign_ins_and_say_when_to_retry()
    {
        // Two sign-ins from this address (2 of 3 sign-ins, 2 of 8 address requests).
        var member1 = await app.As("member1");
        var member2 = await app.As("member2");

        // Per account: the sixth request in the minute is refused, with when to come back; another account is not.
        for (var i = 0; i < 5; i++) await (await member1.GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.OK);
        var refused = await member1.GetAsync("/api/me/notifications", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);
        var problem = await refused.ExpectProblem(HttpStatusCode.TooManyRequests);
        Assert.Equal("rate-limited", problem.Code);
        await (await member2.GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.OK);

        // Sign-ins per address: a third attempt is answered (a wrong password), the fourth is refused unread.
        using var anonymous = app.Anonymous();
        var wrong = new { email = $"member3@{TestApp.Domain}", password = "not-the-password" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", wrong, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.PostAsJsonAsync("/api/auth/login", wrong, Ct)).StatusCode);

        // Per address when nobody is signed in: the address's 8 requests run out, in the caller's language.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/activities");
            request.Headers.AcceptLanguage.ParseAdd("zh-CN");
            var response = await anonymous.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("请求过于频繁", (await response.ExpectProblem(HttpStatusCode.TooManyRequests)).Title);
                break;
            }
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 3, string.Join(", ", statuses));

        // A page refused the same way shows the error page, which says to wait.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.AcceptLanguage.ParseAdd("en");
        var html = await anonymous.SendAsync(page, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, html.StatusCode);
        Assert.Contains("Wait a minute, then try again.", await html.Content.ReadAsStringAsync(Ct));
    }
}
