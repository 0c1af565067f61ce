using System.Net;
using System.Net.Http.Json;
using Huodong.Tests.Api;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;

namespace Huodong.Tests.Accounts;

/// <summary>
/// Issue 9 item 4 (ASVS 5.0 V6.5/V6.6, V7.4) through Identity's own <c>/api/auth</c> endpoints on a real database, with
/// codes computed by an RFC 6238 implementation of the test's own: enrolment, sign-in that needs the code, recovery
/// codes that work once, turning 2FA off only with a current code, and sign-out everywhere refusing old tokens.
/// </summary>
public abstract class TwoFactorApiTests(TestApp app) : ApiTests(app)
{
    [Fact]
    public async Task After_enrolment_signing_in_needs_a_current_code_used_once_and_a_wrong_one_is_refused()
    {
        var email = await App.CreateStaffAsync("tfa-finance", Roles.Finance);
        var before = await App.LoginTokens(email);
        var (key, codes) = await App.EnrolAsync(email);
        Assert.Equal(10, codes.Length);
        Assert.Equal(10, codes.Distinct().Count());

        var withoutCode = await App.Login(email);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("RequiresTwoFactor", await withoutCode.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Login(email, code: Totp.Wrong(key))).StatusCode);

        var code = Totp.Ahead(key);
        var tokens = await App.LoginTokens(email, code: code);
        await (await App.Bearer(tokens.AccessToken).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.OK);
        // Each code works once: the same one again, or the one used to enrol, is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Login(email, code: code)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Login(email, code: Totp.Now(key))).StatusCode);
        // Enabling 2FA changed the security stamp: the token from before enrolment is refused.
        await (await App.Bearer(before.AccessToken).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Contains("account.two-factor.enabled", await App.AuditCodesAsync(email));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_its_use_is_audited()
    {
        var email = await App.CreateStaffAsync("tfa-head", Roles.CommunityHead);
        var (_, codes) = await App.EnrolAsync(email);

        await App.LoginTokens(email, recovery: codes[3]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Login(email, recovery: codes[3])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Login(email, recovery: "ABCDE-12345")).StatusCode);
        await App.LoginTokens(email, recovery: codes[4]);

        var audit = await App.AuditCodesAsync(email);
        Assert.Equal(2, audit.Count(c => c == "account.recovery-code.used"));
    }

    [Fact]
    public async Task Turning_two_factor_off_over_the_api_needs_a_current_code()
    {
        var email = await App.CreateStaffAsync("tfa-planner", Roles.Planner);
        var (key, _) = await App.EnrolAsync(email);
        using var client = App.Bearer((await App.LoginTokens(email, code: Totp.Ahead(key))).AccessToken);

        var refused = await (await client.PostJson("/api/auth/manage/2fa", new { enable = false })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("twoFactorCode", refused.Fields);
        await (await client.PostJson("/api/auth/manage/2fa", new { resetSharedKey = true, twoFactorCode = Totp.Wrong(key) })).ShouldBe(HttpStatusCode.BadRequest);

        var off = await (await client.PostJson("/api/auth/manage/2fa", new { enable = false, twoFactorCode = Totp.Ahead(key, 2) }))
            .Expect<TwoFactorAnswer>(HttpStatusCode.OK);
        Assert.False(off.IsTwoFactorEnabled);
        await App.LoginTokens(email); // the password alone again
        Assert.Contains("account.two-factor.disabled", await App.AuditCodesAsync(email));
    }

    [Fact]
    public async Task Signing_out_everywhere_refuses_every_earlier_bearer_and_refresh_token()
    {
        var email = await App.CreateStaffAsync("everywhere", Roles.Planner);
        var phone = await App.LoginTokens(email);
        var laptop = await App.LoginTokens(email);
        await (await App.Bearer(phone.AccessToken).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.OK);

        await (await App.Bearer(laptop.AccessToken).PostJson("/api/me/sessions/revoke", null)).ShouldBe(HttpStatusCode.NoContent);

        await (await App.Bearer(phone.AccessToken).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await App.Bearer(laptop.AccessToken).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = phone.RefreshToken }, Ct)).StatusCode);
        var again = await App.LoginTokens(email);
        await (await App.Bearer(again.AccessToken).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.OK);
        Assert.Contains("account.sessions.revoked", await App.AuditCodesAsync(email));
    }

    [Fact]
    public async Task Changing_the_password_refuses_the_tokens_issued_before()
    {
        var email = await App.CreateStaffAsync("new-password", Roles.Planner);
        var other = await App.LoginTokens(email);
        using var client = App.Bearer((await App.LoginTokens(email)).AccessToken);
        await (await client.PostJson("/api/auth/manage/info", new { oldPassword = TestApp.DemoPassword, newPassword = "a fresh and private passphrase" }))
            .ShouldBe(HttpStatusCode.OK);

        await (await App.Bearer(other.AccessToken).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Contains("account.password.changed", await App.AuditCodesAsync(email));
    }

    [Fact]
    public async Task With_the_requirement_off_demo_reviewers_finance_and_admin_sign_in_with_a_password_alone()
    {
        foreach (var account in new[] { "head", "leader", "finance", "admin" })
            await (await (await App.As(account)).GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class TwoFactorApiTests_Sqlite(SqliteApp app) : TwoFactorApiTests(app), IClassFixture<SqliteApp>;
public sealed class TwoFactorApiTests_Postgres(PostgresApp app) : TwoFactorApiTests(app), IClassFixture<PostgresApp>;
