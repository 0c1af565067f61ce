using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Participation.Pages;

/// <summary><c>/me/notifications</c>: the in-app inbox, newest first, with the unread count; mark one or all read.</summary>
[Authorize]
public sealed class NotificationsModel(Inbox inbox) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public Inbox.InboxPage Inbox { get; private set; } = new([], 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Inbox = await inbox.PageAsync(Actor.From(User).Id, Paging.From(PageNumber, PageSize), ct);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid notificationId, CancellationToken ct)
    {
        if (!await inbox.MarkReadAsync(Actor.From(User).Id, notificationId, ct)) return NotFound();
        return LocalRedirect(Link(PageNumber) + $"#notification-{notificationId}");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(Actor.From(User).Id, ct);
        TempData["Notice"] = "All notifications are marked read.";
        return LocalRedirect(Link(PageNumber));
    }

    public string Link(int page) => page > 1 ? $"/me/notifications?page={page}" : "/me/notifications";
}
