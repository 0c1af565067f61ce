using Huodong.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Huodong.Web.Security.Monitoring.Pages;

/// <summary>The console navigation's link to the security alerts with the open count: admins only, one COUNT query.</summary>
public sealed class AlertsNavViewComponent(SecurityAlerts alerts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!MonitoringPermissions.CanSeeAlerts(Actor.From(UserClaimsPrincipal))) return Content("");
        return View("/Security/Monitoring/Pages/_AlertsNav.cshtml", await alerts.OpenCountAsync(HttpContext.RequestAborted));
    }
}

/// <summary>The registrations page's notice that retention erased the registrants' personal data (PIPL), with the date.</summary>
public sealed class ErasureNoticeViewComponent(RegistrationRetention retention) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid activityId)
    {
        var erasure = await retention.ErasureOfAsync(activityId, HttpContext.RequestAborted);
        return erasure is null ? Content("") : View("/Security/Monitoring/Pages/_ErasureNotice.cshtml", erasure);
    }
}
