using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Conduct.Pages;

/// <summary><c>/me/conduct</c>: moderators' decisions about me, what of mine waits for review, and an appeal button (once per decision).</summary>
[Authorize]
public sealed class MyConductModel(ModerationQueries queries, AppealCase appeal, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<MyCaseView> Cases { get; private set; } = [];
    public Guid? FailedId { get; private set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Cases = await queries.MineAsync(Actor.From(User).Id, ct);

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        var result = await appeal.ExecuteAsync(Actor.From(User), caseId, Reason, ct);
        if (result.IsOk)
        {
            TempData["Notice"] = "Your appeal is sent; another moderator will decide it.";
            return LocalRedirect("/me/conduct");
        }
        if (result.Error!.Kind == ErrorKind.NotFound) return NotFound();
        FailedId = caseId;
        ModelState.AddError(result.Error, l, _ => null);
        Cases = await queries.MineAsync(Actor.From(User).Id, ct);
        return Page();
    }

    public IReadOnlyList<string> Errors => ModelState[""]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];
}
