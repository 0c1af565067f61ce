using Huodong.Web.People.Accounts;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.People.Pages;

/// <summary>
/// <c>/account/two-factor</c>: enrolment in TOTP two-factor authentication with any authenticator app (RFC 6238).
/// Shows the shared key and its otpauth URI, turns 2FA on once a first code matches and then shows the ten recovery
/// codes, once. Staff whose role needs 2FA are sent here while they have none (<see cref="SessionGuard"/>).
/// </summary>
[Authorize]
public sealed class TwoFactorSetupModel(AccountManager users, TwoFactor twoFactor, SignInManager<AppUser> signIn,
    AccountSecurity settings, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public AuthenticatorSetup Setup { get; private set; } = null!;
    /// <summary>The recovery codes just made, shown on this response only.</summary>
    public string[]? RecoveryCodes { get; private set; }
    /// <summary>True when this account's role needs 2FA and the requirement is on.</summary>
    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return LocalRedirect("/account/security");
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return LocalRedirect("/account/security");
        var enabled = await twoFactor.EnableAsync(user, Code);
        if (!enabled.IsOk)
        {
            ModelState.AddError(enabled.Error!, l, field => field == "code" ? nameof(Code) : null);
            await LoadAsync(user);
            return Page();
        }
        // 2FA changed the security stamp, which signs out every other session; this one continues.
        await Sessions.RenewAsync(signIn, user, HttpContext);
        RecoveryCodes = enabled.Value;
        return Page();
    }

    /// <summary>Where "Continue" goes once 2FA is on: the page the account was sent here from, if local.</summary>
    public string ContinueUrl => LoginModel.Destination(Url, ReturnUrl, Actor.From(User).IsStaff);

    private async Task LoadAsync(AppUser user)
    {
        Setup = await twoFactor.SetupAsync(user);
        Required = settings.TwoFactorRequired && AccountSecurity.NeedsTwoFactor(Actor.From(User));
    }
}
