using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation.Promotion.Pages;

/// <summary>
/// <c>/me/email-preference</c>: the member turns promotion email on or off (the form sits on <c>/me/profile</c>).
/// Only future promotions are affected: deliveries already queued were addressed when the promotion was composed.
/// </summary>
[Authorize]
public sealed class EmailPreferenceModel(HuodongDb db, AuditLog audit) : PageModel
{
    [BindProperty] public bool EmailOptIn { get; set; }

    public IActionResult OnGet() => LocalRedirect("/me/profile");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Users.Where(u => u.Id == actor.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailOptIn, EmailOptIn), ct);
        await audit.AppendAsync(actor.Id, EmailOptIn ? "member.email.opted-in" : "member.email.opted-out", "member", actor.Id.ToString(), null, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Notice"] = "Your email preference is saved.";
        return LocalRedirect("/me/profile");
    }
}

/// <summary>The email preference form on the member's profile page.</summary>
public sealed class EmailPreferenceViewComponent(HuodongDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var actor = Actor.From(UserClaimsPrincipal);
        if (!actor.IsSignedIn) return Content("");
        var optIn = await db.Users.Where(u => u.Id == actor.Id).Select(u => u.EmailOptIn).FirstOrDefaultAsync(HttpContext.RequestAborted);
        return View("/Preparation/Promotion/Pages/_EmailPreference.cshtml", optIn);
    }
}
