using Huodong.Web.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Security.Monitoring;

/// <summary>
/// Identity's sign-in manager with every password check reported to <see cref="SignInWatch"/>: both the sign-in page
/// and Identity's own <c>POST /api/auth/login</c> end in <see cref="CheckPasswordSignInAsync"/> for a known account,
/// and in <see cref="PasswordSignInAsync(string,string,bool,bool)"/> with no account for an unknown one. The outcome
/// of the sign-in is never changed here.
/// </summary>
public sealed class MonitoredSignInManager(UserManager<AppUser> users, IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation, SignInWatch watch)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        await watch.RecordAsync(user.Email ?? user.UserName, result.Succeeded, Aborted);
        return result;
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await watch.RecordAsync(userName, false, Aborted);
        return SignInResult.Failed;
    }

    private CancellationToken Aborted => http.HttpContext?.RequestAborted ?? CancellationToken.None;
}
