using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Rewards.Pages;

/// <summary>
/// <c>/activities/{id}/results</c>: an activity's published results for anyone (E3.1) — winners with masked names and
/// codes, how each reward's winners were chosen with links to the draws and their verifier, the statistics — and the
/// public delivery log of the awards (E3.2).
/// </summary>
public sealed class ResultsPageModel(AwardQueries awards, ActivityQueries activities) : PageModel
{
    public Activity Activity { get; private set; } = null!;
    public ResultsView? Results { get; private set; }
    public IReadOnlyList<AwardView> Log { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var activity = await activities.GetAsync(actor, id, ct);
        if (!activity.IsOk) return NotFound();
        Activity = activity.Value!;
        var results = await awards.ResultsAsync(actor, id, ct);
        if (results.IsOk)
        {
            Results = results.Value;
            Log = (await awards.ListAsync(actor, id, ct)).Value?.Items ?? [];
        }
        return Page();
    }
}
