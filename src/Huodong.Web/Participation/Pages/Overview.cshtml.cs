using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Participation.Pages;

/// <summary>
/// <c>/console/activities/{id}/participation</c>: E2.4 data recording as it happens — places confirmed and waitlisted
/// against capacity, unanswered questions, and every kind of activity event counted.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class OverviewModel(ActivityQueries activities, InteractionQueries queries, TimeProvider time) : PageModel
{
    public ConsoleTabs Tabs { get; private set; } = null!;
    public ActivityCounts Counts { get; private set; } = null!;
    public DateTimeOffset At { get; private set; }

    public int Events(ActivityEventKind kind) => Counts.Events.GetValueOrDefault(kind.ToString());

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await activities.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        var counts = await queries.CountsAsync(actor, id, ct);
        if (!counts.IsOk) return this.Refuse(counts.Error!);
        Tabs = ConsoleTabs.For(actor, found.Value!, "participation");
        Counts = counts.Value!;
        At = time.GetUtcNow();
        return Page();
    }
}
