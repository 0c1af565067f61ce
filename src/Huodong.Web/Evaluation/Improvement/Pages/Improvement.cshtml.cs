using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Evaluation.Improvement.Pages;

/// <summary>
/// <c>/console/improvements/{id}</c> (V3.1–V3.3): one action — change its status, owner or due date, see its effect
/// on the aimed metric before and after, record a verdict; and the handlers behind "applied in this plan" (V3.2) that
/// the plan editor posts to and returns from.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class ImprovementModel(ImprovementQueries queries, ChangeImprovement change, ApplyImprovement apply, Data.HuodongDb db,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public ImprovementView Action { get; private set; } = null!;
    public bool CanChange { get; private set; }
    public bool CanJudge { get; private set; }
    public IReadOnlyList<(string Email, string Name)> Staff { get; private set; } = [];

    [BindProperty] public ImprovementStatus? Status { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public ImprovementVerdict? Verdict { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, (await change.UpdateAsync(Actor.From(User), id, new ImprovementChange(Status, Owner, DueOn), ct)).Error,
            "The improvement action is updated.", ct);

    public async Task<IActionResult> OnPostVerdictAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, (await change.VerdictAsync(Actor.From(User), id, new VerdictInput(Verdict, Note), ct)).Error,
            "The verdict is recorded.", ct);

    /// <summary>From the plan editor: mark the action applied in (or taken out of) the plan, then go back to the editor.</summary>
    public async Task<IActionResult> OnPostApplyAsync(Guid id, Guid activityId, bool undo, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var result = undo ? await apply.UnapplyAsync(actor, id, activityId, ct) : await apply.ApplyAsync(actor, id, activityId, ct);
        if (!result.IsOk)
        {
            if (result.Error!.Kind == ErrorKind.Forbidden) return Forbid();
            if (result.Error.Kind == ErrorKind.NotFound) return NotFound();
            TempData["ImprovementError"] = result.Error.MessageKey; // shown by the editor's suggestions
        }
        else TempData["Notice"] = undo ? "The action is no longer marked as applied in this plan." : "The action is marked as applied in this plan.";
        return LocalRedirect($"/console/plans/{activityId}/edit#improvements-heading");
    }

    public IReadOnlyList<string> Errors(string key) => ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task<IActionResult> AfterAsync(Guid id, Error? error, string notice, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Notice"] = notice;
            return LocalRedirect($"/console/improvements/{id}");
        }
        if (error.Kind == ErrorKind.NotFound && error.Fields is null) return NotFound();
        if (error.Kind == ErrorKind.Forbidden) return Forbid();
        ModelState.AddError(error, l, f => f switch { "owner" => "Owner", "dueOn" => "DueOn", "verdict" => "Verdict", "note" => "Note", _ => null });
        return await LoadAsync(id, ct, keepInput: true) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct, bool keepInput = false)
    {
        var actor = Actor.From(User);
        var found = await queries.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        Action = found.Value!;
        var source = await db.Activities.AsNoTracking().Include(a => a.Team).FirstAsync(a => a.Id == Action.Source.Id, ct);
        var entity = await db.Set<ImprovementAction>().AsNoTracking().FirstAsync(a => a.Id == id, ct);
        CanChange = ImprovementPermissions.CanChange(actor, entity, source);
        CanJudge = ImprovementPermissions.CanJudge(actor);
        if (CanChange) Staff = await StaffDirectory.ListAsync(db, ct);
        if (!keepInput)
        {
            (Status, Owner, DueOn) = (Action.Status, Action.Owner.Email, Action.DueOn);
            (Verdict, Note) = (Action.Verdict, Action.VerdictNote);
        }
        return null;
    }
}
