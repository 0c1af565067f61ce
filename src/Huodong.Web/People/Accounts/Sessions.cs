using Microsoft.AspNetCore.Identity;

namespace Huodong.Web.People.Accounts;

public static class Sessions
{
    /// <summary>
    /// Re-issues this browser's cookie after a change of security stamp (password, 2FA) so it alone survives the change;
    /// the session keeps its start, so the absolute limit still counts from the first sign-in.
    /// </summary>
    public static async Task RenewAsync(SignInManager<AppUser> signIn, AppUser user, HttpContext http)
    {
        if (AccountSecurity.SignedInAt(http.User) is { } start) SessionStart.Keep(http, start);
        await signIn.RefreshSignInAsync(user);
    }
}
