using Huodong.Web.Conduct.Cheating;
using Huodong.Web.Data;
using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Conduct.Pages;

/// <summary>
/// <c>/console/moderation</c>: the moderation queue (E2.2) — open and appealed cases, most severe first, each with
/// its evidence, reports, the member's history, the guideline's suggestion and a decision form (<see cref="DecideCase"/>).
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class QueueModel(ModerationQueries queries, DecideCase decide, HuodongDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<CaseView> Cases { get; private set; } = [];
    public int Total { get; private set; }
    public Guid? FailedId { get; private set; }
    /// <summary>Plagiarism cases: the submission and the earlier one it matches, their shared passages marked.</summary>
    public Dictionary<Guid, (IReadOnlyList<Passage> Later, IReadOnlyList<Passage> Earlier)> Passages { get; } = [];

    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int? Days { get; set; }
    [BindProperty] public int? Points { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken ct)
    {
        var result = await decide.ExecuteAsync(Actor.From(User), caseId, new DecisionRequest(Decision, Note, Days, Points), ct);
        if (result.IsOk)
        {
            TempData["Notice"] = "The decision is recorded and the member has been told.";
            return LocalRedirect("/console/moderation");
        }
        if (result.Error!.Kind == ErrorKind.NotFound) return NotFound();
        FailedId = caseId;
        ModelState.AddError(result.Error, l, _ => null);
        return await LoadAsync(ct) ?? Page();
    }

    /// <summary>The text, encoded, with each shared passage inside <c>&lt;mark&gt;</c> (no whitespace added between runs).</summary>
    public static IHtmlContent Marked(IReadOnlyList<Passage> passages)
    {
        var html = new HtmlContentBuilder();
        foreach (var p in passages)
        {
            if (p.Shared) html.AppendHtml("<mark>").Append(p.Text).AppendHtml("</mark>");
            else html.Append(p.Text);
        }
        return html;
    }

    public IReadOnlyList<string> Errors => ModelState[""]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var page = await queries.QueueAsync(Actor.From(User), null, null, new Paging(1, Paging.MaxPageSize), ct);
        if (!page.IsOk) return Forbid();
        Cases = page.Value!.Items.ToList();
        Total = page.Value.Total;
        var pairs = Cases.Where(c => c.MatchedId is not null).ToList();
        var ids = pairs.SelectMany(c => new[] { c.SubjectId, c.MatchedId!.Value }).Distinct().ToList();
        var texts = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Content, ct);
        foreach (var c in pairs)
            if (texts.TryGetValue(c.SubjectId, out var later) && texts.TryGetValue(c.MatchedId!.Value, out var earlier))
            {
                var (left, right, _) = PassageMatch.Compare(later, earlier);
                Passages[c.Id] = (left, right);
            }
        return null;
    }
}
