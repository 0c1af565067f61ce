using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Preparation.Promotion.Pages;

/// <summary><c>/announcements</c>: every published activity's announcements, newest first (E1.4).</summary>
public sealed class AnnouncementsModel(PromotionQueries queries) : PageModel
{
    public List<AnnouncementView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await queries.AnnouncementsAsync(null, 50, ct);
}
