using Huodong.Web.Participation.Pages;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Conduct.Pages;

/// <summary><c>/console/moderation/terms</c>: the lexicon (M3.2) — list, add and remove terms, through <see cref="Lexicon"/>.</summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class TermsModel(Lexicon lexicon, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<TermView> Terms { get; private set; } = [];
    [BindProperty] public string? Term { get; set; }
    [BindProperty] public string? Action { get; set; } = nameof(ConductAction.Block);
    [BindProperty] public string? Category { get; set; } = nameof(ConductCategory.Abuse);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await lexicon.AddAsync(Actor.From(User), Term, Action, Category, ct);
        if (result.IsOk)
        {
            TempData["Notice"] = "The term is added; the filter uses it from now on.";
            return LocalRedirect("/console/moderation/terms");
        }
        if (result.Error!.Kind == ErrorKind.Forbidden) return Forbid();
        ModelState.AddError(result.Error, l, field => field switch { "term" => nameof(Term), "action" => nameof(Action), "category" => nameof(Category), _ => null });
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid termId, CancellationToken ct)
    {
        var result = await lexicon.RemoveAsync(Actor.From(User), termId, ct);
        if (!result.IsOk) return this.Refuse(result.Error!);
        TempData["Notice"] = "The term is removed.";
        return LocalRedirect("/console/moderation/terms");
    }

    public IReadOnlyList<string> Errors(string key) => ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var terms = await lexicon.ListAsync(Actor.From(User), ct);
        if (!terms.IsOk) return Forbid();
        Terms = terms.Value!;
        return null;
    }
}
