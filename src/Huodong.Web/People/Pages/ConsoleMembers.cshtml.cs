using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.People.Pages;

/// <summary>
/// <c>/console/members</c>: moderators and admins find members (emails masked), grant or deduct points with a
/// reason, and admins set a level by hand or hand it back to the points (M1.2).
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class ConsoleMembersModel(Members members, MemberQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public Page<MemberRow> Rows { get; private set; } = new([], 0);
    public bool IsAdmin { get; private set; }
    /// <summary>The member whose form failed, so its errors and inputs show again.</summary>
    public Guid? FailedFor { get; private set; }
    public int? Delta { get; private set; }
    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Members.CanManage(Actor.From(User))) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPointsAsync(Guid memberId, int? delta, string? reason, CancellationToken ct)
    {
        var result = delta is null
            ? Error.Validation(new Dictionary<string, string[]> { ["delta"] = ["Required."] })
            : (await members.AdjustPointsAsync(Actor.From(User), memberId, delta.Value, reason, ct)).Error;
        return await AfterAsync(result, memberId, "Points updated.", ct, delta, reason);
    }

    public async Task<IActionResult> OnPostLevelAsync(Guid memberId, string? level, CancellationToken ct)
    {
        int? wanted = int.TryParse(level, out var n) ? n : null;
        var result = await members.SetLevelAsync(Actor.From(User), memberId, wanted, ct);
        return await AfterAsync(result.Error, memberId, "Level updated.", ct);
    }

    private async Task<IActionResult> AfterAsync(Error? error, Guid memberId, string notice, CancellationToken ct,
        int? delta = null, string? reason = null)
    {
        if (error is null)
        {
            TempData["Notice"] = notice;
            return LocalRedirect(Link(PageNumber) + $"#member-{memberId}");
        }
        if (error.Kind == ErrorKind.Forbidden) return Forbid();
        if (error.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddError(error, l, field => field);
        (FailedFor, Delta, Reason) = (memberId, delta, reason);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        IsAdmin = Actor.From(User).Is(Roles.Admin);
        Rows = await queries.SearchAsync(Query, Paging.From(PageNumber, PageSize), ct);
    }

    public string Link(int page)
    {
        var q = string.IsNullOrWhiteSpace(Query) ? "" : $"q={Uri.EscapeDataString(Query)}";
        var p = page > 1 ? $"page={page}" : "";
        var query = string.Join('&', new[] { q, p }.Where(s => s.Length > 0));
        return "/console/members" + (query.Length > 0 ? "?" + query : "");
    }
}
