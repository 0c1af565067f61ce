using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Evaluation.Surveys.Pages;

/// <summary><c>/console/surveys</c>: the surveys the staff member manages, optionally of one activity.</summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class IndexModel(SurveyQueries queries, HuodongDb db) : PageModel
{
    public List<SurveyView> Surveys { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public Guid? ActivityId { get; set; }
    public string? ActivityTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await queries.ListAsync(Actor.From(User), ActivityId, ct);
        if (!list.IsOk) return Forbid();
        Surveys = list.Value!;
        if (ActivityId is { } id) ActivityTitle = db.Activities.Where(a => a.Id == id).Select(a => a.Title).FirstOrDefault();
        return Page();
    }
}
