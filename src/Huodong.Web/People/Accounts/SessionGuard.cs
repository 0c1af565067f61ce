using System.Security.Claims;
using Huodong.Web.Data;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Huodong.Web.People.Accounts;

/// <summary>
/// Runs after authentication on every request (ASVS 5.0 V7.4, V6.4):
/// <list type="bullet">
/// <item>a bearer token or cookie whose security stamp is no longer the account's (signed out everywhere, password or
/// 2FA changed, erased) counts as no sign-in at all; Identity's bearer tokens do not check the stamp themselves;</item>
/// <item>a bearer token from a session older than the absolute limit counts as no sign-in either (cookies are cut off
/// in their own validation, <see cref="SessionCookies"/>);</item>
/// <item>when <c>Security:TwoFactor:Required</c>, reviewers, Finance and Admin without 2FA are sent to set it up:
/// pages redirect to the enrolment page, the API answers 403 <c>two-factor-required</c>.</item>
/// </list>
/// </summary>
public sealed class SessionGuard(RequestDelegate next, AccountSecurity settings, AccountStates states,
    IOptions<IdentityOptions> identity, TimeProvider time)
{
    public const string EnrolmentPath = "/account/two-factor";

    public async Task InvokeAsync(HttpContext http, HuodongDb db)
    {
        var actor = Actor.From(http.User);
        if (!actor.IsSignedIn)
        {
            await next(http);
            return;
        }

        var state = await states.GetAsync(db, actor.Id, http.RequestAborted);
        var stamp = http.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (state is null || state.SecurityStamp != stamp || (bearer && settings.IsPastAbsolute(http.User, time.GetUtcNow())))
        {
            if (!bearer) await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
            await next(http);
            return;
        }

        if (settings.TwoFactorRequired && !state.TwoFactorEnabled && AccountSecurity.NeedsTwoFactor(actor) && !MayPassWithout(http.Request.Path))
        {
            if (http.Request.Path.StartsWithSegments("/api"))
                await AccountSecurity.TwoFactorRequiredError.ToProblem(http).ExecuteAsync(http);
            else
                http.Response.Redirect(EnrolmentPath + "?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            return;
        }
        await next(http);
    }

    /// <summary>What someone who still has to set up 2FA may reach: their account pages and Identity's endpoints, the
    /// language switch, error pages and sign-out.</summary>
    private static bool MayPassWithout(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/api/auth") || path.StartsWithSegments("/api/me/sessions")
        || path.StartsWithSegments("/culture") || path.StartsWithSegments("/error") || path.StartsWithSegments("/healthz");
}
