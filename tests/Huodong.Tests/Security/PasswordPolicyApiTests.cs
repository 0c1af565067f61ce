using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Huodong.Tests.Api;
using Huodong.Tests.Infrastructure;

namespace Huodong.Tests.Security;

/// <summary>
/// Issue 9 item 4 (ASVS 5.0 V6.2, V6.3) through Identity's own endpoints on a real database: at least 12 and at most
/// 128 characters with no composition rules, the most common passwords and the account's own email refused with a
/// message in the caller's language, and an account locked after ten wrong passwords even when the eleventh is right.
/// </summary>
public abstract class PasswordPolicyApiTests(TestApp app) : ApiTests(app)
{
    private static string NewEmail() => $"pw-{Guid.NewGuid():N}@test.huodong";

    private async Task<HttpResponseMessage> Register(string email, string password, string culture = "zh-CN")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.AcceptLanguage.ParseAdd(culture);
        return await App.Anonymous().SendAsync(request, Ct);
    }

    private async Task<string[]> RefusalCodes(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
    }

    [Theory]
    [InlineData("short-pass")]                      // 10 characters
    [InlineData("PASSWORD1234")]                    // a common one, whatever its case
    [InlineData("1qaz2wsx3edc")]                    // a keyboard walk
    [InlineData("woaini1314520")]                   // a pinyin favourite
    public async Task Short_and_common_passwords_are_refused(string password)
    {
        var codes = await RefusalCodes(await Register(NewEmail(), password));
        Assert.True(codes.Contains("PasswordTooShort") || codes.Contains("PasswordTooCommon"), string.Join(", ", codes));
    }

    [Fact]
    public async Task Passwords_over_128_characters_and_the_accounts_own_email_are_refused_with_localised_reasons()
    {
        Assert.Contains("PasswordTooLong", await RefusalCodes(await Register(NewEmail(), new string('长', 129))));

        var email = NewEmail();
        var response = await Register(email, email);
        Assert.Contains("PasswordIsEmail", await RefusalCodes(response));
        Assert.Contains("不要用邮箱地址作密码", await (await Register(email, email)).Content.ReadAsStringAsync(Ct));
        Assert.Contains("Do not use your email", await (await Register(email, email, "en")).Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("correct horse battery")]           // no digits, no capitals, no symbols: fine
    [InlineData("长城的月亮又圆又亮啊朋友们")]          // a Chinese passphrase of 13 characters
    public async Task Long_passphrases_need_no_digits_capitals_or_symbols(string password)
    {
        var email = NewEmail();
        await (await Register(email, password)).ShouldBe(HttpStatusCode.OK);
        await (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password }, Ct)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_so_the_right_one_is_refused_too()
    {
        var email = NewEmail();
        const string password = "a long and private passphrase";
        await (await Register(email, password)).ShouldBe(HttpStatusCode.OK);

        for (var i = 0; i < 10; i++)
            await (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password = "wrong " + password }, Ct)).ShouldBe(HttpStatusCode.Unauthorized);

        var locked = await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("LockedOut", await locked.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class PasswordPolicyApiTests_Sqlite(SqliteApp app) : PasswordPolicyApiTests(app), IClassFixture<SqliteApp>;
public sealed class PasswordPolicyApiTests_Postgres(PostgresApp app) : PasswordPolicyApiTests(app), IClassFixture<PostgresApp>;
