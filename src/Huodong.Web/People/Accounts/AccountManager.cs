using Huodong.Web.Audit;
using Huodong.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Huodong.Web.People.Accounts;

/// <summary>
/// Identity's user manager, with the account's security events written to the audit chain in the same transaction as
/// the change, whichever path made it (the pages, Identity's own <c>/api/auth</c> endpoints, sign-in with a recovery
/// code). Every save also drops the cached <see cref="AccountState"/>, so a new security stamp is enforced at once.
/// </summary>
public sealed class AccountManager(IUserStore<AppUser> store, IOptions<IdentityOptions> options,
    IPasswordHasher<AppUser> hasher, IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators, ILookupNormalizer normalizer,
    IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger,
    HuodongDb db, AuditLog audit, AccountStates states)
    : UserManager<AppUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    public override async Task<IdentityResult> SetTwoFactorEnabledAsync(AppUser user, bool enabled)
    {
        if (user.TwoFactorEnabled == enabled) return await base.SetTwoFactorEnabledAsync(user, enabled);
        return await AuditedAsync(user, enabled ? "account.two-factor.enabled" : "account.two-factor.disabled",
            () => base.SetTwoFactorEnabledAsync(user, enabled));
    }

    public override Task<IdentityResult> RedeemTwoFactorRecoveryCodeAsync(AppUser user, string code) =>
        AuditedAsync(user, "account.recovery-code.used", () => base.RedeemTwoFactorRecoveryCodeAsync(user, code),
            async () => (object?)new { left = await CountRecoveryCodesAsync(user) });

    public override Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(AppUser user, int number) =>
        AuditedAsync(user, "account.recovery-codes.generated", () => base.GenerateNewTwoFactorRecoveryCodesAsync(user, number),
            codes => codes is not null, () => Task.FromResult<object?>(new { count = number }));

    /// <summary>
    /// A key pending enrolment grants nothing, so making one leaves the security stamp (and every session) alone;
    /// Identity's own reset would sign the account out in the middle of enrolling over the API. Once 2FA is on, a new
    /// key goes through 2FA being turned off, which does change the stamp.
    /// </summary>
    public override async Task<IdentityResult> ResetAuthenticatorKeyAsync(AppUser user)
    {
        if (user.TwoFactorEnabled || Store is not IUserAuthenticatorKeyStore<AppUser> keys)
            return await base.ResetAuthenticatorKeyAsync(user);
        await keys.SetAuthenticatorKeyAsync(user, GenerateNewAuthenticatorKey(), CancellationToken);
        return await UpdateAsync(user);
    }

    public override Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword) =>
        AuditedAsync(user, "account.password.changed", () => base.ChangePasswordAsync(user, currentPassword, newPassword));

    /// <summary>
    /// Sign-out everywhere: a new security stamp, so every cookie and bearer or refresh token issued before is refused
    /// (<see cref="SessionGuard"/> checks the stamp on each request; the cookie validator and <c>/refresh</c> check it too).
    /// </summary>
    public Task<IdentityResult> RevokeSessionsAsync(AppUser user) =>
        AuditedAsync(user, "account.sessions.revoked", () => UpdateSecurityStampAsync(user));

    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        states.Forget(user.Id);
        return result;
    }

    private Task<IdentityResult> AuditedAsync(AppUser user, string code, Func<Task<IdentityResult>> change,
        Func<Task<object?>>? data = null) =>
        AuditedAsync(user, code, change, r => r.Succeeded, data);

    /// <summary>
    /// Runs <paramref name="change"/> and appends its audit entry in one transaction (the caller's, when it has one);
    /// a change that fails leaves no entry.
    /// </summary>
    private async Task<T> AuditedAsync<T>(AppUser user, string code, Func<Task<T>> change, Func<T, bool> succeeded,
        Func<Task<object?>>? data = null)
    {
        var ct = CancellationToken;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var result = await change();
            if (!succeeded(result)) return result;
            await audit.AppendAsync(user.Id, code, "account", user.Id.ToString(), data is null ? null : await data(), ct);
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return result;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }
}
