using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Huodong.Web.People.Accounts;

/// <summary>
/// Session lifetimes and two-factor authentication on top of <see cref="PeopleSetup"/>'s Identity: the cookie slides
/// over the idle limit and is cut off at the absolute limit whatever its activity; bearer tokens last an hour and
/// refresh tokens no longer than the absolute limit; security stamps are checked every minute by the cookie's own
/// validator and on every request by <see cref="SessionGuard"/>.
/// </summary>
public static class AccountsSetup
{
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var settings = AccountSecurity.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddMemoryCache();
        services.AddSingleton<AccountStates>();
        services.AddScoped<TwoFactor>();
        services.AddScoped<AuthEndpointsFilter>();

        services.ConfigureApplicationCookie(o =>
        {
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = settings.Idle;
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var now = (ctx.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                if (ctx.Principal is null || settings.IsPastAbsolute(ctx.Principal, now))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(ctx.Scheme.Name);
                    return;
                }
                await stampCheck(ctx);
            };
        });

        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = settings.StampCheck;
            // The validator rebuilds the principal from the database; the session keeps its original start.
            o.OnRefreshingPrincipal = ctx =>
            {
                if (ctx.CurrentPrincipal?.FindFirst(AccountSecurity.SignedInAtClaim) is { } start
                    && ctx.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    foreach (var c in identity.FindAll(AccountSecurity.SignedInAtClaim).ToList()) identity.RemoveClaim(c);
                    identity.AddClaim(new Claim(start.Type, start.Value));
                }
                return Task.CompletedTask;
            };
        });

        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromHours(1);
            o.RefreshTokenExpiration = settings.Absolute;
        });
    }
}
