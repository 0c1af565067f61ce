using Huodong.Web.People.Accounts;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.People.Pages;

/// <summary>
/// <c>/account/security</c>: the account's sign-in settings — two-factor authentication (new recovery codes, turning it
/// off with a current code), changing the password, and signing out everywhere. Changing the password or 2FA signs
/// out every other session; this one continues.
/// </summary>
[Authorize]
public sealed class AccountSettingsModel(AccountManager users, TwoFactor twoFactor, SignInManager<AppUser> signIn,
    AccountSecurity settings, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? DisableCode { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public bool TwoFactorEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool Required { get; private set; }
    /// <summary>New recovery codes, shown on this response only.</summary>
    public string[]? RecoveryCodes { get; private set; }
    public TimeSpan Idle => settings.Idle;
    public TimeSpan Absolute => settings.Absolute;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var codes = await twoFactor.NewRecoveryCodesAsync(user);
        if (!codes.IsOk) ModelState.AddError(codes.Error!, l, _ => null);
        RecoveryCodes = codes.Value;
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var result = await twoFactor.DisableAsync(user, Actor.From(User), DisableCode);
        if (!result.IsOk)
        {
            ModelState.AddError(result.Error!, l, field => field == "code" ? nameof(DisableCode) : null);
            await LoadAsync(user);
            return Page();
        }
        await Sessions.RenewAsync(signIn, user, HttpContext);
        TempData["Notice"] = "Two-factor authentication is off. Your other sessions are signed out.";
        return LocalRedirect("/account/security");
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddModelError(nameof(CurrentPassword), l["Enter your password."]);
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), l["Enter a new password."]);
        else if (NewPassword != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), l["The two new passwords are not the same."]);
        if (ModelState.IsValid)
        {
            var changed = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
            if (changed.Succeeded)
            {
                await Sessions.RenewAsync(signIn, user, HttpContext);
                TempData["Notice"] = "Your password is changed. Your other sessions are signed out.";
                return LocalRedirect("/account/security");
            }
            // PasswordPolicy's messages are localised already; Identity's own two are said here.
            foreach (var e in changed.Errors)
            {
                if (e.Code == "PasswordMismatch") ModelState.AddModelError(nameof(CurrentPassword), l["The password is not correct."]);
                else if (e.Code == "PasswordTooShort") ModelState.AddModelError(nameof(NewPassword), l["Use at least {0} characters.", users.Options.Password.RequiredLength]);
                else ModelState.AddModelError(nameof(NewPassword), e.Description);
            }
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await users.RevokeSessionsAsync(user);
        await signIn.SignOutAsync();
        TempData["Notice"] = "You are signed out on every device, this one included.";
        return LocalRedirect("/account/login");
    }

    private async Task LoadAsync(AppUser user)
    {
        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        Required = settings.TwoFactorRequired && AccountSecurity.NeedsTwoFactor(Actor.From(User));
    }
}
