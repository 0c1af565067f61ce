using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Evaluation.Feedback.Pages;

/// <summary>
/// <c>/console/feedback</c>: members' private feedback to the activities the staff member manages (all of them for the
/// community head and admins), unanswered first, optionally of one activity; the team replies in place (V2.3).
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class InboxModel(FeedbackInbox inbox, HuodongDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<FeedbackThreadView> Threads { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public Guid? ActivityId { get; set; }
    public string? ActivityTitle { get; private set; }
    [BindProperty] public string? Body { get; set; }
    public Guid? FailedThread { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostReplyAsync(Guid threadId, CancellationToken ct)
    {
        var replied = await inbox.ReplyAsync(Actor.From(User), threadId, new FeedbackInput(Body), ct);
        if (replied.IsOk)
        {
            TempData["Notice"] = "Your reply is sent; the member is notified.";
            return LocalRedirect($"/console/feedback{(ActivityId is { } a ? $"?activityId={a}" : "")}#thread-{threadId}");
        }
        if (replied.Error!.Kind == ErrorKind.NotFound) return NotFound();
        FailedThread = threadId;
        ModelState.AddError(replied.Error, l, f => f == "body" ? "Body" : null);
        return await LoadAsync(ct) ?? Page();
    }

    public IReadOnlyList<string> Errors(string key) => ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var list = await inbox.ForStaffAsync(Actor.From(User), ActivityId, ct);
        if (!list.IsOk) return list.Error!.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        Threads = list.Value!.OrderBy(t => t.Answered).ThenByDescending(t => t.LastMessageAt).ToList();
        if (ActivityId is { } id) ActivityTitle = await db.Activities.Where(a => a.Id == id).Select(a => a.Title).FirstOrDefaultAsync(ct);
        return null;
    }
}
