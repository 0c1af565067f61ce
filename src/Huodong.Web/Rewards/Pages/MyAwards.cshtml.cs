using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Rewards.Pages;

/// <summary>
/// <c>/me/awards</c>: a member's awards (E3.2 "reaches the right winner") — where each stands, the coupon code once
/// assigned, the shipping address form for a physical prize (stored encrypted, shown masked) and the receipt confirmation.
/// </summary>
[Authorize]
public sealed class MyAwardsModel(AwardQueries awards, AwardChanges changes, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<(AwardView Award, string Title)> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await awards.MineAsync(Actor.From(User), ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid awardId, CancellationToken ct) =>
        await AfterAsync((await changes.ConfirmAsync(Actor.From(User), awardId, ct)).Error, "Thank you: receipt confirmed.", ct);

    public async Task<IActionResult> OnPostAddressAsync(Guid awardId, string? recipient, string? phone, string? address, CancellationToken ct) =>
        await AfterAsync((await changes.SetAddressAsync(Actor.From(User), awardId, new AddressInput(recipient, phone, address), ct)).Error,
            "The shipping address is saved.", ct);

    public IReadOnlyList<string> Errors(string key) =>
        ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task<IActionResult> AfterAsync(Error? error, string notice, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Notice"] = notice;
            return LocalRedirect("/me/awards");
        }
        if (error.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddError(error, l, _ => null);
        await OnGetAsync(ct);
        return Page();
    }
}
