using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.People.Pages;

/// <summary><c>/me/profile</c>: a member's nickname, level, points ledger and completed tasks (M1.2).</summary>
[Authorize]
public sealed class ProfileModel(Members members, MemberQueries queries, MemberData data,
    Microsoft.AspNetCore.Identity.SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public MemberProfile Profile { get; private set; } = null!;
    [BindProperty] public string? Nickname { get; set; }
    /// <summary>The password that confirms erasing the account (PIPL art. 47).</summary>
    [BindProperty] public string? ErasePassword { get; set; }

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

    /// <summary>Erases the member's account, then signs them out and says so on the home page.</summary>
    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        var erased = await data.EraseAsync(actor, ErasePassword, ct);
        if (!erased.IsOk)
        {
            ModelState.AddError(erased.Error!, l, field => field == "password" ? nameof(ErasePassword) : field);
            Profile = (await queries.ProfileAsync(actor.Id, ct))!;
            Nickname = Profile.Nickname;
            return Page();
        }
        await signIn.SignOutAsync();
        TempData["Notice"] = "Your account is erased. Thank you for taking part.";
        return LocalRedirect("/");
    }

    /// <summary>Points still needed for the next level, or null at the top level.</summary>
    public int? ToNextLevel => MemberLevels.Thresholds.FirstOrDefault(t => t > Profile.Points) is var next && next > 0
        ? next - Profile.Points : null;
}
