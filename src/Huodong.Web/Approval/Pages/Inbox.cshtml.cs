using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Approval.Pages;

/// <summary><c>/console/reviews</c>: plans and amendments waiting at the signed-in reviewer's stage (A1), oldest first.</summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class InboxModel(ActivityQueries queries) : PageModel
{
    public ReviewStage Stage { get; private set; }
    public List<ActivitySummary> Items { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (PlanningPermissions.ReviewStageOf(actor) is not { } stage) return Forbid();
        Stage = stage;
        var page = await queries.ListAsync(actor, new ActivityFilter(AwaitingStage: stage), Paging.From(1, Paging.MaxPageSize), ct);
        Items = page.Items.OrderBy(a => a.UpdatedAt).ToList();
        Total = page.Total;
        return Page();
    }
}
