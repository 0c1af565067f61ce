using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.People.Pages;

/// <summary><c>/me/profile</c>: a member's nickname, level, points ledger and completed tasks (M1.2).</summary>
[Authorize]
public sealed class ProfileModel(Members members, MemberQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public MemberProfile Profile { get; private set; } = null!;
    [BindProperty] public string? Nickname { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.ProfileAsync(Actor.From(User).Id, ct) is not { } p) return NotFound();
        Profile = p;
        Nickname = p.Nickname;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        var result = await members.UpdateProfileAsync(actor, Nickname, ct);
        if (!result.IsOk)
        {
            ModelState.AddError(result.Error!, l, field => field == "nickname" ? nameof(Nickname) : field);
            Profile = (await queries.ProfileAsync(actor.Id, ct))!;
            return Page();
        }
        TempData["Notice"] = result.Value!.Held
            ? "Your new nickname awaits a moderator's review; your current nickname stays until then."
            : "Your profile is saved.";
        return LocalRedirect("/me/profile");
    }

    /// <summary>Points still needed for the next level, or null at the top level.</summary>
    public int? ToNextLevel => MemberLevels.Thresholds.FirstOrDefault(t => t > Profile.Points) is var next && next > 0
        ? next - Profile.Points : null;
}
