using Huodong.Web.Participation;
using Huodong.Web.Participation.Pages;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Portal.Pages;

/// <summary>
/// <c>/activities/{id}</c>: a published activity as members read it (the approved plan's public parts), and taking
/// part in it: eligibility before registering, registration and cancellation, submissions while live, and the
/// discussion. Each form posts to a handler that calls the same use case as the API.
/// </summary>
public sealed class ActivityModel(ActivityQueries queries, ActivityParticipation participation,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Activity Activity { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public Actor Viewer { get; private set; } = Actor.Anonymous;
    public bool IsStaff => Viewer.IsStaff;
    public TakePart TakePart { get; private set; } = null!;
    public DiscussionPage Discussion { get; private set; } = null!;
    public bool CanPost => Discussion.IsOpen && (Viewer.IsStaff || Viewer.Is(Roles.Member));

    [BindProperty] public RegisterForm Register { get; set; } = new();
    [BindProperty] public EntryForm Entry { get; set; } = new();
    [BindProperty] public PostForm Post { get; set; } = new();
    /// <summary>Which form the refusal being shown belongs to: register, cancel, entry, post or like.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>The overall refusal messages of one form, shown above it (field messages sit under their inputs).</summary>
    public IReadOnlyList<string> FormErrors(string form) => FailedForm != form ? []
        : ModelState[""]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    [BindProperty(SupportsGet = true, Name = "comments")] public int CommentPage { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await participation.RecordViewAsync(Viewer, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, [FromServices] RegisterMember register, CancellationToken ct)
    {
        if (!User.Identity!.IsAuthenticated) return Challenge();
        var input = new RegistrationInput(Register.RealName, Register.Phone, Register.Email, null);
        var result = await register.ExecuteAsync(Actor.From(User), id, input, ct);
        if (result.IsOk)
        {
            TempData["Notice"] = result.Value!.Status == RegistrationStatus.Confirmed
                ? "You are registered: your place is confirmed."
                : "The activity is full: you are on the waitlist. We will tell you when a place becomes free.";
            return Back(id, "registration-status");
        }
        return await FailAsync(id, "register", result.Error!, field => field switch
        {
            "realName" => "Register.RealName",
            "phone" => "Register.Phone",
            "email" => "Register.Email",
            _ => null,
        }, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, [FromServices] CancelRegistration cancel, CancellationToken ct)
    {
        if (!User.Identity!.IsAuthenticated) return Challenge();
        var result = await cancel.ExecuteAsync(Actor.From(User), id, ct);
        if (!result.IsOk) return await FailAsync(id, "cancel", result.Error!, _ => null, ct);
        TempData["Notice"] = "Your registration was cancelled.";
        return Back(id, "take-part");
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, [FromServices] SubmitEntry submit, CancellationToken ct)
    {
        if (!User.Identity!.IsAuthenticated) return Challenge();
        var result = await submit.ExecuteAsync(Actor.From(User), id, Entry.Content, Entry.TaskKey, ct);
        if (!result.IsOk)
            return await FailAsync(id, "entry", result.Error!, field => field switch
            {
                "content" => "Entry.Content",
                "taskKey" => "Entry.TaskKey",
                _ => null,
            }, ct, fieldForRule: "Entry.Content");
        TempData["Notice"] = result.Value!.Status == SubmissionStatus.Held
            ? "Your post awaits a moderator's review; others will see it once it is approved."
            : result.Value!.Status == SubmissionStatus.Pending
            ? "Your evidence was sent. Staff will check it and tell you."
            : "Your submission was received.";
        return Back(id, "submission");
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, [FromServices] Discussion discussion, CancellationToken ct)
    {
        if (!User.Identity!.IsAuthenticated) return Challenge();
        var result = await discussion.PostAsync(Actor.From(User), id, Post.Body, Post.ParentId, Post.IsQuestion, ct);
        if (!result.IsOk)
            return await FailAsync(id, "post", result.Error!, field => field == "body" ? "Post.Body" : null, ct, fieldForRule: "Post.Body");
        TempData["Notice"] = result.Value!.IsHeld ? "Your post awaits a moderator's review; others will see it once it is approved."
            : result.Value!.IsQuestion ? "Your question was posted. Staff will answer it." : "Your comment was posted.";
        return Back(id, $"comment-{result.Value!.Id}");
    }

    public async Task<IActionResult> OnPostLikeAsync(Guid id, Guid commentId, bool like, [FromServices] Discussion discussion,
        CancellationToken ct)
    {
        if (!User.Identity!.IsAuthenticated) return Challenge();
        var result = await discussion.LikeAsync(Actor.From(User), commentId, like, ct);
        if (!result.IsOk) return await FailAsync(id, "like", result.Error!, _ => null, ct);
        return Back(id, $"comment-{commentId}");
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, Guid commentId, string? reportReason,
        [FromServices] Conduct.ReportContent report, CancellationToken ct)
    {
        if (!User.Identity!.IsAuthenticated) return Challenge();
        var result = await report.ExecuteAsync(Actor.From(User), "comment", commentId, reportReason, ct);
        if (!result.IsOk) return await FailAsync(id, "report", result.Error!, _ => null, ct);
        TempData["Notice"] = "Thank you: your report is with the moderators.";
        return Back(id, $"comment-{commentId}");
    }

    /// <summary>Shows the refusal next to the form that caused it, with what the member typed still in it.</summary>
    private async Task<IActionResult> FailAsync(Guid id, string form, Error error, Func<string, string?> fieldKey,
        CancellationToken ct, string? fieldForRule = null)
    {
        if (ReferenceEquals(error, ActivityErrors.NotFound)) return NotFound();
        FailedForm = form;
        // Reasons with arguments the member typed or their level ("must contain “新品”") are shown as they are.
        if (error.Code is "reply-rule" or "not-eligible")
            ModelState.AddModelError(fieldForRule ?? "", l[error.MessageKey, error.Args ?? []].Value);
        else ModelState.AddError(error, l, fieldKey);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private RedirectResult Back(Guid id, string anchor) =>
        Redirect($"/activities/{id}{(CommentPage > 1 ? $"?comments={CommentPage}" : "")}#{anchor}");

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Viewer = Actor.From(User);
        var found = await queries.GetAsync(Viewer, id, ct);
        // The portal shows what is approved, even to insiders: the working plan or an amendment is not in force.
        if (!found.IsOk || found.Value!.ApprovedPlan is not { } plan) return false;
        Activity = found.Value!;
        Plan = plan;
        CommentPage = Math.Max(1, CommentPage);
        TakePart = await participation.TakePartAsync(Viewer, Activity, ct);
        Discussion = await participation.DiscussionAsync(Viewer, Activity, CommentPage, ct);
        return true;
    }
}
