using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Planning.Pages;

public enum EditorMode { New, Edit, Amend }

/// <summary>
/// The plan editor (P2.3–P2.5, B1.1, P1) behind <c>/console/plans/new</c> and <c>/console/plans/{id}/edit</c>. It calls
/// the same use cases as the API: save a draft (create/edit), save and submit, or propose an amendment to an
/// approved plan. Failures land on the inputs they concern and what the user typed is kept.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public abstract class PlanEditorModel(PlanUseCases plans, ActivityQueries queries, IStringLocalizer<SharedResource> l)
    : PageModel
{
    protected IStringLocalizer<SharedResource> L => l;
    protected Actor Me => Actor.From(User);

    [BindProperty] public PlanForm Plan { get; set; } = new();
    public Activity? Activity { get; protected set; }
    public EditorMode Mode { get; protected set; }
    /// <summary>An amendment is already with the reviewers: nothing more may be proposed until they decide.</summary>
    public bool AmendmentPending => Activity?.Amendment is AmendmentStatus.HeadReview or AmendmentStatus.LeaderReview;
    public string FormAction => Activity is null ? "/console/plans/new" : $"/console/plans/{Activity.Id}/edit";

    public IEnumerable<SelectListItem> Options<T>(T? current, Func<T, string> text, bool withEmpty = true) where T : struct, Enum
    {
        var items = Enum.GetValues<T>().Select(v => new SelectListItem(l[text(v)], v.ToString(), Equals(v, current)));
        return withEmpty ? items.Prepend(new SelectListItem(l["Choose…"], "")) : items;
    }

    public FormRow Row(string list, int index) => new(ModelState, $"Plan.{list}[{index}]", index + 1);
    public FormRow TemplateRow(string list) => new(ModelState, $"Plan.{list}[__i__]", 0);

    /// <summary>Saves the form (create or edit), then submits it when asked; an amendment goes through Amend.</summary>
    protected async Task<IActionResult> SaveAsync(string? intent, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Redisplay("Some values could not be read. Check the fields marked below.");
        var plan = Plan.ToPlan(out var rows);
        var actor = Me;
        var submit = intent == "submit";

        if (Mode == EditorMode.Amend)
        {
            var amended = await plans.AmendAsync(actor, Activity!.Id, plan, ct);
            if (!amended.IsOk) return Fail(amended.Error!, plan, rows);
            TempData["Notice"] = "Amendment submitted for review. The approved version stays in force until both levels approve.";
            return LocalRedirect($"/console/plans/{Activity.Id}");
        }

        var saved = Activity is null ? await plans.CreateAsync(actor, plan, ct) : await plans.EditAsync(actor, Activity.Id, plan, ct);
        if (!saved.IsOk) return Fail(saved.Error!, plan, rows);
        Activity = saved.Value!;
        Mode = EditorMode.Edit;
        if (!submit)
        {
            TempData["Notice"] = "Draft saved.";
            return LocalRedirect($"/console/plans/{Activity.Id}/edit");
        }

        var submitted = await plans.SubmitAsync(actor, Activity.Id, ct);
        if (!submitted.IsOk)
        {
            ViewData["Saved"] = true; // the draft is saved; only the submission was refused
            return Fail(submitted.Error!, plan, rows);
        }
        TempData["Notice"] = "Submitted for review. The community head has been asked to review it.";
        return LocalRedirect($"/console/plans/{Activity.Id}");
    }

    /// <summary>Loads an activity the viewer may change, or the answer to give instead.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Me;
        var found = await queries.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        var activity = found.Value!;
        if (!PlanningPermissions.CanEdit(actor, activity)) return Forbid();
        if (!activity.Status.IsEditable() && !activity.Status.IsAmendable())
        {
            TempData["Notice"] = "This plan cannot be changed in its current state.";
            return LocalRedirect($"/console/plans/{id}");
        }
        Activity = activity;
        Mode = activity.Status.IsAmendable() ? EditorMode.Amend : EditorMode.Edit;
        return null;
    }

    protected IActionResult Fail(Error error, Plan plan, PlanForm.RowMap rows)
    {
        var fields = new Dictionary<string, string[]>();
        foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]>())
            fields[field] = messages.Select(m => Qualify(field, l[m].Value, plan)).ToArray();
        ModelState.AddError(error with { Fields = fields }, l, field => field switch
        {
            "plan" => null,
            _ when field.StartsWith("team") => "Plan.Team",
            _ when field.StartsWith("eligibility.requiredTasks") => "Plan.Eligibility.RequiredTasks",
            _ => PageErrors.Pascal("Plan", field, rows.FormRow),
        });
        return Redisplay(null);
    }

    /// <summary>Errors on one line of a list typed as text (team emails, task keys) name the line.</summary>
    private static string Qualify(string field, string message, Plan plan)
    {
        var open = field.IndexOf('[');
        if (open < 0 || !int.TryParse(field.AsSpan(open + 1, field.IndexOf(']') - open - 1), out var i)) return message;
        var value = field.StartsWith("team") ? plan.Team.ElementAtOrDefault(i)
            : field.StartsWith("eligibility.requiredTasks") ? plan.Eligibility.RequiredTasks.ElementAtOrDefault(i) : null;
        return value is null ? message : $"{value}: {message}";
    }

    protected IActionResult Redisplay(string? message)
    {
        if (message is not null) ModelState.AddModelError("", l[message]);
        Plan.AddBlankRows();
        return Page();
    }
}
