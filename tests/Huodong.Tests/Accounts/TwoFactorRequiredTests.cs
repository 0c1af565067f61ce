using System.Net;
using System.Text.RegularExpressions;
using Huodong.Tests.Api;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;
using Microsoft.AspNetCore.Hosting;

namespace Huodong.Tests.Accounts;

/// <summary>The app as it runs outside the demo: 2FA required for reviewers, Finance and Admin.</summary>
public sealed class TwoFactorRequiredSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:TwoFactor:Required", "true");
    }
}

public sealed class TwoFactorRequiredPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:TwoFactor:Required", "true");
    }
}

/// <summary>
/// Issue 9 item 4 (ASVS 5.0 V6.3.3, S1.1) with <c>Security:TwoFactor:Required</c> on: staff whose role approves plans,
/// money or accounts get nothing but their account pages until they enrol — 403 <c>two-factor-required</c> from the API,
/// a redirect to the enrolment page from the console — and then sign in with the password and a code, on the page too.
/// </summary>
public abstract partial class TwoFactorRequiredTests(TestApp app) : ApiTests(app)
{
    [Fact]
    public async Task A_finance_account_without_two_factor_is_refused_by_the_api_in_the_callers_language_until_it_enrols()
    {
        var email = await App.CreateStaffAsync("req-finance", Roles.Finance);
        using var before = App.Bearer((await App.LoginTokens(email)).AccessToken);

        var zh = await (await before.SendJson(HttpMethod.Get, "/api/activities", null, acceptLanguage: "zh-CN")).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("two-factor-required", zh.Code);
        Assert.Contains("双重验证", zh.Title);
        var en = await (await before.SendJson(HttpMethod.Get, "/api/activities", null, acceptLanguage: "en")).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Contains("two-factor authentication", en.Title);

        // Planners and members are not asked for it.
        await (await (await App.As("planner")).GetAsync("/api/activities", Ct)).ShouldBe(HttpStatusCode.OK);
        await (await (await App.As("member7")).GetAsync("/api/activities", Ct)).ShouldBe(HttpStatusCode.OK);

        var (key, _) = await App.EnrolAsync(email);
        using var after = App.Bearer((await App.LoginTokens(email, code: Totp.Ahead(key))).AccessToken);
        await (await after.GetAsync("/api/activities", Ct)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Staff_whose_role_needs_two_factor_cannot_turn_it_off_while_it_is_required()
    {
        var email = await App.CreateStaffAsync("req-admin", Roles.Admin);
        var (key, _) = await App.EnrolAsync(email);
        using var client = App.Bearer((await App.LoginTokens(email, code: Totp.Ahead(key))).AccessToken);
        var refused = await (await client.PostJson("/api/auth/manage/2fa", new { enable = false, twoFactorCode = Totp.Ahead(key, 2) }))
            .ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("two-factor-required", refused.Code);
    }

    [Fact]
    public async Task The_console_sends_a_reviewer_to_enrol_and_then_the_sign_in_page_asks_for_the_code()
    {
        var email = await App.CreateStaffAsync("req-head", Roles.CommunityHead);
        using (var browser = new PageBrowser(App))
        {
            Assert.Equal("/console/plans", await browser.SignIn(email));
            Assert.Equal("/account/two-factor?returnUrl=%2Fconsole%2Fplans", await browser.RedirectOf("/console/plans"));
            Assert.Null(await browser.RedirectOf("/account/security")); // the account pages stay open

            var page = await browser.Html("/account/two-factor?returnUrl=%2Fconsole%2Fplans");
            Assert.Contains("autocomplete=\"one-time-code\"", page);
            Assert.Contains("inputmode=\"numeric\"", page);
            var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
            Assert.Contains($"otpauth://totp/Huodong:", page);

            var wrong = await browser.Post("/account/two-factor", new() { ["Code"] = Totp.Wrong(key) });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync(Ct));

            var enabled = await browser.Post("/account/two-factor?returnUrl=%2Fconsole%2Fplans", new() { ["Code"] = Totp.Now(key) });
            var codes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync(Ct)).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(10, codes.Count);
            Assert.Null(await browser.RedirectOf("/console/plans")); // this browser stays signed in, now with 2FA

            using var second = new PageBrowser(App);
            var step = await second.SignIn(email);
            Assert.StartsWith("/account/login/code", step);
            var refused = await second.Post(step, new() { ["Code"] = Totp.Wrong(key) });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("/account/login?ReturnUrl=", await second.RedirectOf("/console/plans")); // not signed in after a wrong code
            var signedIn = await second.Post(step, new() { ["Code"] = Totp.Ahead(key) });
            Assert.Equal("/console/plans", signedIn.Headers.Location?.OriginalString);
            Assert.Null(await second.RedirectOf("/console/plans"));

            using var third = new PageBrowser(App);
            var recoveryStep = await third.SignIn(email);
            var recovered = await third.Post(recoveryStep, new() { ["RecoveryCode"] = codes[0] }, handler: "Recovery");
            Assert.Equal("/console/plans", recovered.Headers.Location?.OriginalString);
            using var fourth = new PageBrowser(App);
            var reused = await fourth.Post(await fourth.SignIn(email), new() { ["RecoveryCode"] = codes[0] }, handler: "Recovery");
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
            Assert.Contains("该恢复码无效或已被使用", await reused.Content.ReadAsStringAsync(Ct));
        }
    }

    [GeneratedRegex("""id="shared-key"[^>]*>([a-z0-9 ]+)<""")]
    private static partial Regex SharedKey();

    [GeneratedRegex("""<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>""")]
    private static partial Regex RecoveryCode();
}

public sealed class TwoFactorRequiredTests_Sqlite(TwoFactorRequiredSqliteApp app) : TwoFactorRequiredTests(app), IClassFixture<TwoFactorRequiredSqliteApp>;
public sealed class TwoFactorRequiredTests_Postgres(TwoFactorRequiredPostgresApp app) : TwoFactorRequiredTests(app), IClassFixture<TwoFactorRequiredPostgresApp>;
