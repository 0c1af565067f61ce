using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.Extensions.Options;

namespace Huodong.Web.People.Accounts;

/// <summary>
/// Two rules Identity's own <c>/api/auth</c> endpoints do not have:
/// <list type="bullet">
/// <item><c>/refresh</c> keeps the session's start: a refresh token from a session past the absolute limit is refused,
/// and the new tokens carry the old start, so refreshing never extends a session beyond it;</item>
/// <item><c>/manage/2fa</c> turns 2FA off (or resets the key) only with a current code, and not at all for staff whose
/// role needs it while it is required, as the page does.</item>
/// </list>
/// </summary>
public sealed class AuthEndpointsFilter(AccountSecurity settings, IOptionsMonitor<BearerTokenOptions> bearer,
    TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        foreach (var argument in context.Arguments)
        {
            if (argument is RefreshRequest refresh)
            {
                var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refresh.RefreshToken);
                if (ticket is null) break; // Identity refuses it
                if (settings.IsPastAbsolute(ticket.Principal, time.GetUtcNow())) return TypedResults.Unauthorized();
                SessionStart.Keep(http, AccountSecurity.SignedInAt(ticket.Principal)!.Value);
            }
            else if (argument is TwoFactorRequest tfa && (tfa.Enable == false || tfa.ResetSharedKey))
            {
                var users = http.RequestServices.GetRequiredService<AccountManager>();
                if (await users.GetUserAsync(http.User) is not { TwoFactorEnabled: true } user) break;
                if (settings.TwoFactorRequired && AccountSecurity.NeedsTwoFactor(Actor.From(http.User)))
                    return AccountSecurity.TwoFactorRequiredError.ToProblem(http);
                if (!await http.RequestServices.GetRequiredService<TwoFactor>().VerifyAsync(user, tfa.TwoFactorCode))
                    return Error.Field("twoFactorCode", "Enter a current code from your authenticator app to turn two-factor authentication off.").ToProblem(http);
            }
        }
        return await next(context);
    }
}

/// <summary>
/// Carries a session's start into the claims of a principal rebuilt for it (a refresh, a re-issued cookie), so the
/// absolute limit counts from the first sign-in; a new sign-in starts now.
/// </summary>
public static class SessionStart
{
    private const string Key = "huodong.session-start";

    public static void Keep(HttpContext http, DateTimeOffset start) => http.Items[Key] = start;

    public static DateTimeOffset Of(HttpContext? http, TimeProvider time) =>
        http?.Items[Key] is DateTimeOffset start ? start : time.GetUtcNow();
}
