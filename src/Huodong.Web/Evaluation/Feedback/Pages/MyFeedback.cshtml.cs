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
/// <c>/me/feedback</c>: the member's private feedback threads with the teams' replies (V2.3), a form to write to an
/// activity's team (opened from the activity page with <c>?activityId=</c>), and follow-ups in a thread.
/// </summary>
[Authorize]
public sealed class MyFeedbackModel(FeedbackInbox inbox, HuodongDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<FeedbackThreadView> Threads { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public Guid? ActivityId { get; set; }
    public string? ActivityTitle { get; private set; }
    [BindProperty] public string? Body { get; set; }
    public Guid? FailedThread { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        if (ActivityId is not { } id) return NotFound();
        var sent = await inbox.SendAsync(Actor.From(User), id, new FeedbackInput(Body), ct);
        if (sent.IsOk)
        {
            TempData["Notice"] = "Your feedback is sent to the activity's team.";
            return LocalRedirect("/me/feedback");
        }
        if (sent.Error!.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddError(sent.Error, l, f => f == "body" ? "Body" : null);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid threadId, CancellationToken ct)
    {
        var replied = await inbox.ReplyAsync(Actor.From(User), threadId, new FeedbackInput(Body), ct);
        if (replied.IsOk)
        {
            TempData["Notice"] = "Your message is added to the conversation.";
            return LocalRedirect($"/me/feedback#thread-{threadId}");
        }
        if (replied.Error!.Kind == ErrorKind.NotFound) return NotFound();
        FailedThread = threadId;
        ModelState.AddError(replied.Error, l, f => f == "body" ? "Body" : null);
        ActivityId = null;
        await LoadAsync(ct);
        return Page();
    }

    public IReadOnlyList<string> Errors(string key) => ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task LoadAsync(CancellationToken ct)
    {
        Threads = await inbox.MineAsync(Actor.From(User), ct);
        if (ActivityId is { } id) ActivityTitle = await db.Activities.Where(a => a.Id == id).Select(a => a.Title).FirstOrDefaultAsync(ct);
    }
}
