using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Rewards.Pages;

/// <summary><c>/activities/{id}/draws</c>: the draws of a published activity, for anyone, each linking to its public page.</summary>
public sealed class ActivityDrawsModel(DrawQueries draws, ActivityQueries activities) : PageModel
{
    public Activity Activity { get; private set; } = null!;
    public IReadOnlyList<DrawView> Draws { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var activity = await activities.GetAsync(actor, id, ct);
        var list = await draws.ListAsync(actor, id, ct);
        if (!activity.IsOk || !list.IsOk) return NotFound();
        Activity = activity.Value!;
        Draws = list.Value!;
        return Page();
    }
}
