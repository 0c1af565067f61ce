using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Planning.Pages;

/// <summary>
/// <c>/console/plans</c>: a planner's own plans (the teams they are on); heads, leaders and other staff see every plan
/// they may see (<see cref="PlanningPermissions.Visible"/>). Filter by status, paged.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class PlansModel(ActivityQueries queries) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public ActivityStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<ActivitySummary> Plans { get; private set; } = new([], 0);
    public bool MineOnly { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        MineOnly = actor.Is(Roles.Planner) && PlanningPermissions.ReviewStageOf(actor) is null;
        CanCreate = PlanningPermissions.CanCreate(actor);
        PageNumber = Math.Max(1, PageNumber);
        Plans = await queries.ListAsync(actor, new ActivityFilter(Status, MineOnly), Paging.From(PageNumber, PageSize), ct);
    }

    public string Link(int page) =>
        "/console/plans?" + (Status is { } s ? $"status={s}&" : "") + $"page={page}";
}
