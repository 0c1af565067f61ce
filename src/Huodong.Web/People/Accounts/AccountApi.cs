using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Huodong.Web.People.Accounts;

public static class AccountApi
{
    /// <summary>
    /// <c>POST /api/me/sessions/revoke</c>: sign out everywhere. Every cookie, bearer and refresh token of the account
    /// issued before, this request's included, stops working; 204.
    /// </summary>
    public static void MapAccountApi(this WebApplication app)
    {
        app.MapPost("/api/me/sessions/revoke", async (HttpContext http, AccountManager users) =>
            {
                if (await users.GetUserAsync(http.User) is not { } user) return Results.Unauthorized();
                await users.RevokeSessionsAsync(user);
                if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                    await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                return Results.NoContent();
            })
            .RequireAuthorization().WithTags("Account");
    }
}
