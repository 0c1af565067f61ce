using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Accounts;

public sealed record Tokens(string AccessToken, string RefreshToken, int ExpiresIn);
public sealed record TwoFactorAnswer(string SharedKey, string[]? RecoveryCodes, int RecoveryCodesLeft, bool IsTwoFactorEnabled);

/// <summary>Signing in over <c>/api/auth</c> and enrolling in 2FA there, as an API client would.</summary>
public static class AccountClients
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> Login(this TestApp app, string email, string? code = null, string? recovery = null) =>
        app.Anonymous().PostAsJsonAsync("/api/auth/login",
            new { email, password = TestApp.DemoPassword, twoFactorCode = code, twoFactorRecoveryCode = recovery }, Ct);

    public static async Task<Tokens> LoginTokens(this TestApp app, string email, string? code = null, string? recovery = null) =>
        await (await app.Login(email, code, recovery)).Expect<Tokens>(HttpStatusCode.OK);

    public static HttpClient Bearer(this TestApp app, string accessToken)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Enrols over Identity's <c>/manage/2fa</c> with a code computed from the key; answers the key and the recovery codes.</summary>
    public static async Task<(string Key, string[] RecoveryCodes)> EnrolAsync(this TestApp app, string email)
    {
        using var client = app.Bearer((await app.LoginTokens(email)).AccessToken);
        var setup = await (await client.PostJson("/api/auth/manage/2fa", new { })).Expect<TwoFactorAnswer>(HttpStatusCode.OK);
        Assert.False(setup.IsTwoFactorEnabled);
        var enabled = await (await client.PostJson("/api/auth/manage/2fa", new { enable = true, twoFactorCode = Totp.Now(setup.SharedKey) }))
            .Expect<TwoFactorAnswer>(HttpStatusCode.OK);
        Assert.True(enabled.IsTwoFactorEnabled);
        return (setup.SharedKey, enabled.RecoveryCodes!);
    }

    /// <summary>The account's id, found through Identity (its email may be stored encrypted).</summary>
    public static async Task<Guid> AccountIdAsync(this TestApp app, string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    public static async Task<List<string>> AuditCodesAsync(this TestApp app, string email)
    {
        var id = (await app.AccountIdAsync(email)).ToString();
        return await app.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.SubjectType == "account" && e.SubjectId == id)
            .OrderBy(e => e.Sequence).Select(e => e.Code).ToListAsync(Ct));
    }
}
