using System.Net;
using System.Net.Http.Json;
using Huodong.Tests.Api;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Huodong.Tests.Accounts;

/// <summary>An app whose clock the test moves: the default 30-minute idle and 12-hour absolute limits apply.</summary>
public interface IClockedApp
{
    FakeTimeProvider Clock { get; }
}

public sealed class ClockedSqliteApp : SqliteApp, IClockedApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class ClockedPostgresApp : PostgresApp, IClockedApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Issue 9 item 4 (ASVS 5.0 V7.3, V7.4): a cookie session ends after 30 idle minutes and, however busy, 12 hours after
/// signing in; bearer tokens last an hour and refreshing them never outlives the 12 hours; signing out everywhere ends
/// every cookie session at once.
/// </summary>
public abstract class SessionLimitTests(TestApp app) : ApiTests(app)
{
    private FakeTimeProvider Clock => ((IClockedApp)App).Clock;
    private static bool SentToSignIn(string? location) => location?.Contains("/account/login") == true;

    [Fact]
    public async Task An_idle_cookie_session_ends_after_thirty_minutes_while_activity_keeps_it_going()
    {
        var email = await App.CreateStaffAsync("idle", Roles.Planner);
        using var browser = new PageBrowser(App);
        await browser.SignIn(email);
        Assert.Null(await browser.RedirectOf("/account/security"));

        for (var i = 0; i < 3; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(20)); // an hour in all, never 30 minutes idle
            Assert.Null(await browser.RedirectOf("/account/security"));
        }
        Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True(SentToSignIn(await browser.RedirectOf("/account/security")));
    }

    [Fact]
    public async Task A_busy_cookie_session_still_ends_twelve_hours_after_signing_in()
    {
        var email = await App.CreateStaffAsync("busy", Roles.Planner);
        using var browser = new PageBrowser(App);
        await browser.SignIn(email);
        for (var minutes = 20; minutes < 12 * 60; minutes += 20)
        {
            Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Null(await browser.RedirectOf("/account/security"));
        }
        Clock.Advance(TimeSpan.FromMinutes(21)); // 12 h 01 min after signing in, 21 minutes after the last request
        Assert.True(SentToSignIn(await browser.RedirectOf("/account/security")));
    }

    [Fact]
    public async Task Bearer_tokens_last_an_hour_and_refreshing_never_outlives_twelve_hours()
    {
        var email = await App.CreateStaffAsync("bearer", Roles.Planner);
        var signedIn = Clock.GetUtcNow();
        var first = await App.LoginTokens(email);
        Assert.Equal(3600, first.ExpiresIn);
        Clock.Advance(TimeSpan.FromMinutes(61));
        await (await App.Bearer(first.AccessToken).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.Unauthorized);

        var tokens = first;
        for (var hours = 1; hours < 11; hours++)
        {
            tokens = await Refresh(tokens.RefreshToken);
            await (await App.Bearer(tokens.AccessToken).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.OK);
            Clock.Advance(TimeSpan.FromMinutes(59));
        }
        Clock.SetUtcNow(signedIn.AddMinutes(11 * 60 + 50));
        tokens = await Refresh(tokens.RefreshToken);
        await (await App.Bearer(tokens.AccessToken).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.OK);

        Clock.SetUtcNow(signedIn.AddMinutes(12 * 60 + 5)); // past 12 h: the fresh access token and its refresh token are refused
        await (await App.Bearer(tokens.AccessToken).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_cookie_sessions_on_other_browsers_at_once()
    {
        var email = await App.CreateStaffAsync("cookies", Roles.Planner);
        using var office = new PageBrowser(App);
        using var home = new PageBrowser(App);
        await office.SignIn(email);
        await home.SignIn(email);
        Assert.Null(await home.RedirectOf("/account/security"));

        var signedOut = await office.Post("/account/security", new(), handler: "Everywhere");
        Assert.Equal("/account/login", signedOut.Headers.Location?.OriginalString);
        Assert.True(SentToSignIn(await home.RedirectOf("/account/security")));
        Assert.True(SentToSignIn(await office.RedirectOf("/account/security")));

        // The API's button does the same to cookie sessions.
        await home.SignIn(email);
        var tokens = await App.LoginTokens(email);
        await (await App.Bearer(tokens.AccessToken).PostJson("/api/me/sessions/revoke", null)).ShouldBe(HttpStatusCode.NoContent);
        Assert.True(SentToSignIn(await home.RedirectOf("/account/security")));
        Assert.Equal(2, (await App.AuditCodesAsync(email)).Count(c => c == "account.sessions.revoked"));
    }

    private async Task<Tokens> Refresh(string refreshToken) =>
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken }, Ct)).Expect<Tokens>(HttpStatusCode.OK);
}

public sealed class SessionLimitTests_Sqlite(ClockedSqliteApp app) : SessionLimitTests(app), IClassFixture<ClockedSqliteApp>;
public sealed class SessionLimitTests_Postgres(ClockedPostgresApp app) : SessionLimitTests(app), IClassFixture<ClockedPostgresApp>;
