using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Preparation.Promotion.Outbox;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Preparation.Promotion.Pages;

/// <summary>
/// <c>/console/activities/{id}/promotion</c>: compose a promotion (E1.4), the message generated from the approved plan
/// by default, choose its channels, and watch each channel's deliveries through <see cref="CreatePromotion"/> and
/// <see cref="PromotionQueries"/>, the same use cases as the API.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class PromotionPageModel(ActivityQueries activities, PromotionQueries queries, DeliveryOutbox outbox,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Activity Activity { get; private set; } = null!;
    public List<PromotionView> Promotions { get; private set; } = [];
    public IReadOnlyList<PromotionChannel> Configured { get; private set; } = [];
    public bool CanCompose { get; private set; }

    [BindProperty] public List<PromotionChannel> Channels { get; set; } = [PromotionChannel.Announcement, PromotionChannel.Email];
    [BindProperty] public string? MessageTitle { get; set; }
    [BindProperty] public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Activity.ApprovedPlan is { } plan)
        {
            MessageTitle = PromotionMessage.DefaultTitle(Activity.Title);
            Body = PromotionMessage.Generate(Activity.Title, plan);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromServices] CreatePromotion create, CancellationToken ct)
    {
        var input = new PromotionInput(Channels.Select(c => c.ToString()).ToList(), MessageTitle, Body);
        var result = await create.ExecuteAsync(Actor.From(User), id, input, ct);
        if (result.IsOk)
        {
            TempData["Notice"] = "The promotion is saved; its deliveries are on their way.";
            return LocalRedirect($"/console/activities/{id}/promotion");
        }
        if (result.Error!.Kind == ErrorKind.NotFound) return NotFound();
        if (result.Error.Kind == ErrorKind.Forbidden) return Forbid();
        ModelState.AddModelError("", Describe(result.Error));
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>The refusal in the reader's language; a missing part is named by its localised label.</summary>
    private string Describe(Error error)
    {
        if (error.Code == "promotion-incomplete")
            return l[error.MessageKey, string.Join(", ", error.Fields!["missing"].Select(m => l[m].Value))].Value;
        var fields = error.Fields?.SelectMany(f => f.Value).Select(m => l[m].Value) ?? [];
        return string.Join(" ", new[] { l[error.MessageKey].Value }.Concat(fields));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await activities.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        var list = await queries.ListAsync(actor, id, ct);
        if (!list.IsOk) return list.Error!.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        Activity = found.Value!;
        Promotions = list.Value!;
        Configured = outbox.ConfiguredChannels();
        CanCompose = PlanningPermissions.CanEdit(actor, Activity)
                     && Activity.Status is ActivityStatus.Approved or ActivityStatus.Live;
        return null;
    }
}
