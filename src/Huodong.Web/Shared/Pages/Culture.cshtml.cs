using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Shared.Pages;

/// <summary><c>POST /culture</c>: remembers the chosen language in the culture cookie and goes back.</summary>
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet(string? returnUrl) => LocalRedirect(Back(returnUrl));

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = WebSetup.Cultures.FirstOrDefault(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase));
        if (chosen is not null)
            Response.Cookies.Append(WebSetup.CultureCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true,
                    SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, Path = "/",
                });
        return LocalRedirect(Back(returnUrl));
    }

    private string Back(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
