using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Participation.Pages;

/// <summary>
/// <c>/console/activities/{id}/questions</c>: E2.3 "answer members' questions promptly" — the unanswered questions,
/// oldest first with how long each has waited, each with a form that posts the staff answer through
/// <see cref="Discussion"/>; an answered question leaves the list.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class QuestionsModel(ActivityQueries activities, InteractionQueries queries, Discussion discussion,
    TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public ConsoleTabs Tabs { get; private set; } = null!;
    public List<CommentView> Questions { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    [BindProperty] public string? Answer { get; set; }
    /// <summary>The question whose answer was refused: its form shows the messages and keeps the answer typed.</summary>
    public Guid? FailedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid questionId, CancellationToken ct)
    {
        var result = await discussion.PostAsync(Actor.From(User), id, Answer, questionId, isQuestion: false, ct);
        if (result.IsOk)
        {
            TempData["Notice"] = "Your answer was posted; the member has been told.";
            return LocalRedirect($"/console/activities/{id}/questions");
        }
        if (result.Error!.Kind == ErrorKind.NotFound && result.Error.Fields is null) return NotFound();
        if (result.Error.Kind == ErrorKind.Forbidden) return Forbid();
        FailedId = questionId;
        ModelState.AddError(result.Error, l, field => field == "body" ? nameof(Answer) : null);
        return await LoadAsync(id, ct) ?? Page();
    }

    public IReadOnlyList<string> Errors(string key) =>
        ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await activities.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        var questions = await queries.UnansweredAsync(actor, id, ct);
        if (!questions.IsOk) return this.Refuse(questions.Error!);
        Tabs = ConsoleTabs.For(actor, found.Value!, "questions");
        Questions = questions.Value!;
        Now = time.GetUtcNow();
        return null;
    }
}
