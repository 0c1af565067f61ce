using Huodong.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Planning.Pages;

/// <summary><c>/console/plans/new</c>: a planner starts a plan (saved as a Draft, incomplete is fine).</summary>
public sealed class NewModel(PlanUseCases plans, ActivityQueries queries, IStringLocalizer<SharedResource> l)
    : PlanEditorModel(plans, queries, l)
{
    public IActionResult OnGet()
    {
        if (!PlanningPermissions.CanCreate(Me)) return Forbid();
        Mode = EditorMode.New;
        Plan = new PlanForm { Participation = { Waitlist = true } };
        Plan.AddBlankRows();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string? intent, CancellationToken ct)
    {
        if (!PlanningPermissions.CanCreate(Me)) return Task.FromResult<IActionResult>(Forbid());
        Mode = EditorMode.New;
        return SaveAsync(intent, ct);
    }
}
