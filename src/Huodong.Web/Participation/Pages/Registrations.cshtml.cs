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
public sealed class RegistrationsModel(ActivityQueries activities, RegistrationQueries queries) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public RegistrationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ConsoleTabs Tabs { get; private set; } = null!;
    public Page<RegistrationRow> Rows { get; private set; } = new([], 0);

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
