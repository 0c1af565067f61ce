using System.Text;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Identity;

namespace Huodong.Web.People.Accounts;

/// <summary>What an authenticator app needs: the shared key (grouped by four for reading aloud) and the otpauth URI.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string GroupedKey, string Uri);

/// <summary>
/// TOTP two-factor authentication with Identity's authenticator token provider (RFC 6238: HMAC-SHA1, 6 digits, 30 s):
/// set-up, enabling with a first code, recovery codes shown once, and disabling with a current code. The pages use it;
/// Identity's <c>/api/auth/manage/2fa</c> does the same for API clients (see <see cref="AuthEndpointsFilter"/>).
/// </summary>
public sealed class TwoFactor(AccountManager users, AccountSecurity settings)
{
    public const string Issuer = "Huodong";
    public const int RecoveryCodeCount = 10;

    public static readonly Error WrongCode = Error.Field("code", "The code is not correct. Check that your phone's clock is right and try again.");
    public static readonly Error NotEnabled = new(ErrorKind.Conflict, "two-factor-not-enabled", "Two-factor authentication is not on.");

    /// <summary>The key to enrol with: the pending one, or a fresh one when there is none yet.</summary>
    public async Task<AuthenticatorSetup> SetupAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var account = user.Email ?? user.UserName ?? user.Id.ToString();
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}" +
                  $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        return new AuthenticatorSetup(key, Group(key), uri);
    }

    /// <summary>Turns 2FA on once a first code from the app matches; answers the new recovery codes, shown only now.</summary>
    public async Task<Result<string[]>> EnableAsync(AppUser user, string? code)
    {
        if (!await VerifyAsync(user, code)) return WrongCode;
        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        if (!enabled.Succeeded) return Error.Field("code", "The change could not be saved. Try again.");
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToArray();
    }

    /// <summary>Turns 2FA off with a current code; staff whose role needs it cannot while it is required.</summary>
    public async Task<Result> DisableAsync(AppUser user, Actor actor, string? code)
    {
        if (!user.TwoFactorEnabled) return NotEnabled;
        if (settings.TwoFactorRequired && AccountSecurity.NeedsTwoFactor(actor)) return AccountSecurity.TwoFactorRequiredError;
        if (!await VerifyAsync(user, code)) return WrongCode;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // enrolling again starts from a new key
        return Result.Ok;
    }

    public async Task<Result<string[]>> NewRecoveryCodesAsync(AppUser user)
    {
        if (!user.TwoFactorEnabled) return NotEnabled;
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToArray();
    }

    public async Task<bool> VerifyAsync(AppUser user, string? code) =>
        Clean(code) is { Length: > 0 } c
        && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, c);

    /// <summary>People type codes with spaces or dashes, as apps show them.</summary>
    public static string Clean(string? code) => (code ?? "").Replace(" ", "").Replace("-", "").Trim();

    private static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(i > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        return sb.ToString().ToLowerInvariant();
    }
}
