using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Planning.Pages;

/// <summary><c>/console/plans/{id}/history</c>: every transition with actor, time, version and content hash.</summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class HistoryModel(ActivityQueries queries) : PageModel
{
    public Activity Activity { get; private set; } = null!;
    public Page<HistoryItem> Items { get; private set; } = new([], 0);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await queries.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        var history = await queries.HistoryAsync(actor, id, Paging.From(1, Paging.MaxPageSize), ct);
        if (!history.IsOk) return NotFound();
        Activity = found.Value!;
        Items = history.Value!;
        return Page();
    }
}
