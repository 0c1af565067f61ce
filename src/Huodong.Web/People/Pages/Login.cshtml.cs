using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.People.Pages;

/// <summary><c>/account/login</c>: cookie sign-in for staff and members.</summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(Destination(Actor.From(User).IsStaff));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), l["Enter your email address."]);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), l["Enter your password."]);
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Email!.Trim());
        // No account with this email: the by-name overload fails it too, and the security monitor counts the failure.
        var result = user is null ? await signIn.PasswordSignInAsync(Email.Trim(), Password!, RememberMe, lockoutOnFailure: true)
            : await signIn.PasswordSignInAsync(user, Password!, RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", l["Too many failed attempts. The account is locked for a few minutes."]);
            return Page();
        }
        if (result.RequiresTwoFactor)
            return LocalRedirect($"/account/login/code?rememberMe={(RememberMe ? "true" : "false")}"
                + (string.IsNullOrEmpty(ReturnUrl) ? "" : "&returnUrl=" + Uri.EscapeDataString(ReturnUrl)));
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l["The email or password is not correct."]);
            return Page();
        }
        var staff = (await users.GetRolesAsync(user!)).Any(r => Roles.Staff.Contains(r));
        return LocalRedirect(Destination(staff));
    }

    private string Destination(bool staff) => Destination(Url, ReturnUrl, staff);

    /// <summary>Where a sign-in lands: the local page asked for, else the console for staff and the portal for members.</summary>
    public static string Destination(IUrlHelper url, string? returnUrl, bool staff) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : staff ? "/console/plans" : "/";
}
