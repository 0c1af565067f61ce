using Microsoft.AspNetCore.Mvc;

namespace Huodong.Web.Preparation.Promotion.Pages;

/// <summary>The announcement channel (E1.4): an activity's promotions on its portal page, as soon as they are saved.</summary>
public sealed class AnnouncementsViewComponent(PromotionQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid activityId)
    {
        var items = await queries.AnnouncementsAsync(activityId, 5, HttpContext.RequestAborted);
        return items.Count == 0 ? Content("") : View("/Preparation/Promotion/Pages/_Announcements.cshtml", items);
    }
}
