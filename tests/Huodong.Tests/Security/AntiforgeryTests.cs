using System.Net;
using System.Text.RegularExpressions;
using Huodong.Tests.Api;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Huodong.Tests.Security;

/// <summary>
/// ASVS V3 anti-CSRF (S1.1): a page form posted with the member's auth cookie but without the antiforgery token is
/// refused with 400 and changes nothing; with the token from the page it works. Real pipeline, cookie sign-in
/// through the sign-in page, like a browser.
/// </summary>
public abstract class AntiforgeryTests(TestApp app) : ApiTests(app)
{
    private const string Token = "__RequestVerificationToken";

    [Fact]
    public async Task The_profile_form_without_its_antiforgery_token_is_refused_and_changes_nothing_and_with_it_saves()
    {
        using var browser = await SignedInBrowser("member23");
        var before = await Nickname("member23");

        // A cross-site form: the cookie goes along (as a browser would send it), the token cannot.
        var forged = await browser.PostAsync("/me/profile", Form(("Nickname", "被伪造的昵称")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await Nickname("member23"));

        // The same form with the token the page gave: saved.
        var token = await TokenOf(browser, "/me/profile");
        var saved = await browser.PostAsync("/me/profile", Form(("Nickname", "真正的昵称"), (Token, token)), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("真正的昵称", await Nickname("member23"));
    }

    [Fact]
    public async Task Erasing_the_account_without_the_antiforgery_token_is_refused_and_the_account_stays()
    {
        using var browser = await SignedInBrowser("member24");

        var forged = await browser.PostAsync("/me/profile?handler=Erase", Form(("ErasePassword", TestApp.DemoPassword)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var profile = await (await (await App.As("member24")).GetAsync("/api/me/profile", Ct)).Expect<MemberProfile>(HttpStatusCode.OK);
        Assert.Equal($"member24@{TestApp.Domain}", profile.Email);
    }

    [Fact]
    public async Task Signing_in_without_the_antiforgery_token_is_refused()
    {
        using var browser = Browser();
        var response = await browser.PostAsync("/account/login",
            Form(("Email", $"member25@{TestApp.Domain}"), ("Password", TestApp.DemoPassword)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }

    /// <summary>A cookie-keeping client that does not follow redirects (so the answers are what the form got).</summary>
    private HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    /// <summary>Signs in through the sign-in page, token and all, as a browser does.</summary>
    private async Task<HttpClient> SignedInBrowser(string account)
    {
        var browser = Browser();
        var token = await TokenOf(browser, "/account/login");
        var signIn = await browser.PostAsync("/account/login",
            Form(("Email", $"{account}@{TestApp.Domain}"), ("Password", TestApp.DemoPassword), (Token, token)), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var profile = await browser.GetAsync("/me/profile", Ct);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode); // the cookie signs us in
        return browser;
    }

    private static async Task<string> TokenOf(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(page, Ct);
        var match = Regex.Match(html, $"name=\"{Token}\"[^>]*value=\"([^\"]+)\"");
        Assert.True(match.Success, $"{page} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private async Task<string> Nickname(string account) =>
        (await (await (await App.As(account)).GetAsync("/api/me/profile", Ct)).Expect<MemberProfile>(HttpStatusCode.OK)).Nickname;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}

public sealed class AntiforgeryTests_Sqlite(SqliteApp app) : AntiforgeryTests(app), IClassFixture<SqliteApp>;
public sealed class AntiforgeryTests_Postgres(PostgresApp app) : AntiforgeryTests(app), IClassFixture<PostgresApp>;
