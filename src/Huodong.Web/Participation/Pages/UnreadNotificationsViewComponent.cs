using Huodong.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Huodong.Web.Participation.Pages;

/// <summary>The header's link to the inbox with the unread count: one COUNT query per page, members only.</summary>
public sealed class UnreadNotificationsViewComponent(Inbox inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var actor = Actor.From(UserClaimsPrincipal);
        if (!actor.Is(Roles.Member)) return Content("");
        int unread;
        try { unread = await inbox.UnreadAsync(actor.Id, HttpContext.RequestAborted); }
        catch (Exception e) when (Shared.DatabaseOutage.IsOutage(e)) { return Content(""); } // the 503 page still renders
        return View("/Participation/Pages/_UnreadNotifications.cshtml", unread);
    }
}
