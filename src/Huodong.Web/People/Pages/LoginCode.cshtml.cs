using Huodong.Web.People.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.People.Pages;

/// <summary>
/// <c>/account/login/code</c>: the second step of signing in when the account has two-factor authentication on — a
/// code from the authenticator app, or one of the recovery codes (each works once). Reached only after the password
/// step, which leaves Identity's short-lived two-factor cookie; failures count towards the lockout.
/// </summary>
public sealed class LoginCodeModel(SignInManager<AppUser> signIn, UserManager<AppUser> users,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool RecoveryOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/account/login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return LocalRedirect("/account/login");
        var code = TwoFactor.Clean(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), l["Enter the 6-digit code from your authenticator app."]);
            return Page();
        }
        return await AfterAsync(user, await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false), nameof(Code));
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        RecoveryOpen = true;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return LocalRedirect("/account/login");
        var code = (RecoveryCode ?? "").Replace(" ", "").Trim();
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), l["Enter one of your recovery codes."]);
            return Page();
        }
        return await AfterAsync(user, await signIn.TwoFactorRecoveryCodeSignInAsync(code), nameof(RecoveryCode));
    }

    private async Task<IActionResult> AfterAsync(AppUser user, Microsoft.AspNetCore.Identity.SignInResult result, string field)
    {
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", l["Too many failed attempts. The account is locked for a few minutes."]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(field, field == nameof(Code)
                ? l["The code is not correct. Check that your phone's clock is right and try again."]
                : l["That recovery code is not valid or was already used."]);
            return Page();
        }
        var staff = (await users.GetRolesAsync(user)).Any(r => Roles.Staff.Contains(r));
        return LocalRedirect(LoginModel.Destination(Url, ReturnUrl, staff));
    }
}
