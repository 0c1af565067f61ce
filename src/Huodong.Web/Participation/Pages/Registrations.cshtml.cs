using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Participation.Pages;

/// <summary>
/// <c>/console/activities/{id}/registrations</c>: who registered, with personal data masked (S1.3), by status and
/// paged; the same list downloads as CSV from the API.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class RegistrationsModel(ActivityQueries activities, RegistrationQueries queries,
    Security.PersonalDataReveal reveal, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public RegistrationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ConsoleTabs Tabs { get; private set; } = null!;
    public Page<RegistrationRow> Rows { get; private set; } = new([], 0);

    /// <summary>Issue 9 item 3: one value of one registration in the clear, with a reason, audited.</summary>
    [BindProperty] public Guid? RevealId { get; set; }
    [BindProperty] public string? RevealField { get; set; } = "phone";
    [BindProperty] public string? RevealReason { get; set; }
    public Security.Revealed? Shown { get; private set; }
    public string? ShownCode { get; private set; }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        var result = await reveal.RevealAsync(Actor.From(User),
            new Security.RevealInput("registration", RevealId?.ToString(), RevealField, RevealReason), ct);
        if (result.IsOk) Shown = result.Value;
        else if (result.Error!.Kind is ErrorKind.Forbidden or ErrorKind.NotFound) return this.Refuse(result.Error!);
        else ModelState.AddError(result.Error!, l, f => f switch
        {
            "reason" => nameof(RevealReason), "field" => nameof(RevealField), "subjectId" => nameof(RevealId), _ => null,
        });
        var page = await OnGetAsync(id, ct);
        ShownCode = Shown is null ? null : Rows.Items.FirstOrDefault(r => r.Id == RevealId)?.Code;
        return page;
    }

    public IReadOnlyList<string> Errors(string key) => ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await activities.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        PageNumber = Math.Max(1, PageNumber);
        var rows = await queries.ListAsync(actor, id, Status, Paging.From(PageNumber, PageSize), ct);
        if (!rows.IsOk) return this.Refuse(rows.Error!);
        Tabs = ConsoleTabs.For(actor, found.Value!, "registrations");
        Rows = rows.Value!;
        return Page();
    }

    public string Link(int page) =>
        $"/console/activities/{Tabs.Activity.Id}/registrations?" + (Status is { } s ? $"status={s}&" : "") + $"page={page}";
}
