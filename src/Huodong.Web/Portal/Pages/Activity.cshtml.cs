using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Portal.Pages;

/// <summary><c>/activities/{id}</c>: a published activity as members read it: the approved plan's public parts.</summary>
public sealed class ActivityModel(ActivityQueries queries) : PageModel
{
    public Activity Activity { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public bool IsStaff { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await queries.GetAsync(actor, id, ct);
        // The portal shows what is approved, even to insiders: the working plan or an amendment is not in force.
        if (!found.IsOk || found.Value!.ApprovedPlan is not { } plan) return NotFound();
        Activity = found.Value!;
        Plan = plan;
        IsStaff = actor.IsStaff;
        return Page();
    }
}
