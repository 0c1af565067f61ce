using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Huodong.Web.People;

/// <summary>Adds the account's display name and the session's start to its claims, so the page header can greet without a query.</summary>
public sealed class DisplayNameClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options, IHttpContextAccessor http, TimeProvider time) : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string ClaimType = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(ClaimType, user.DisplayName));
        // When the session began, for the absolute session limit (AccountSecurity); a rebuilt principal keeps it.
        identity.AddClaim(new Claim(Accounts.AccountSecurity.SignedInAtClaim,
            Accounts.SessionStart.Of(http.HttpContext, time).ToUnixTimeSeconds().ToString()));
        return identity;
    }

    public static string NameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimType) ?? user.Identity?.Name ?? "";
}
