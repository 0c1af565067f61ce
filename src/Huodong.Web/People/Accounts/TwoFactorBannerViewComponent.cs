using Huodong.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Huodong.Web.People.Accounts;

/// <summary>
/// The console's banner urging reviewers, Finance and Admin without 2FA to enrol. Where 2FA is required they never
/// see the console without it; where it is not (the demo, <c>Security:TwoFactor:Required=false</c>) the banner stays,
/// not dismissable, until they enrol.
/// </summary>
public sealed class TwoFactorBannerViewComponent(AccountStates states, HuodongDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var actor = Actor.From(UserClaimsPrincipal);
        if (!actor.IsSignedIn || !AccountSecurity.NeedsTwoFactor(actor)) return Content("");
        if (await states.GetAsync(db, actor.Id, HttpContext.RequestAborted) is not { TwoFactorEnabled: false }) return Content("");
        return View("/People/Pages/_TwoFactorBanner.cshtml");
    }
}
