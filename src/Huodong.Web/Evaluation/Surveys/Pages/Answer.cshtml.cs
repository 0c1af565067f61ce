using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Evaluation.Surveys.Pages;

/// <summary>
/// <c>/surveys/{id}</c>: a member answers a survey (V2.2, P2.1) through the same use case as the API. Each question is
/// a fieldset; a refused answer shows its message beside the question and keeps what the member chose.
/// </summary>
[Authorize]
public sealed class AnswerModel(SurveyQueries queries, AnswerSurvey answer, IStringLocalizer<SharedResource> l) : PageModel
{
    public SurveyView Survey { get; private set; } = null!;
    public bool CanAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var answers = Survey.Questions.Select(q => q.Type switch
        {
            QuestionType.FreeText => new AnswerInput(null, null, Request.Form[Name(q.Index)].ToString()),
            QuestionType.MultipleChoice => new AnswerInput(null,
                Request.Form[Name(q.Index)].Select(v => int.TryParse(v, out var n) ? n : -1).ToList(), null),
            _ => new AnswerInput(int.TryParse(Request.Form[Name(q.Index)], out var v) ? v : null, null, null),
        }).ToList();
        var result = await answer.SubmitAsync(Actor.From(User), id, new ResponseInput(answers), ct);
        if (result.IsOk)
        {
            TempData["Notice"] = "Thank you! Your answers are saved.";
            return LocalRedirect($"/surveys/{id}");
        }
        if (result.Error!.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddError(result.Error, l, f => f.StartsWith("answers[") ? Name(int.Parse(f[8..f.IndexOf(']')])) : null);
        return Page();
    }

    public static string Name(int index) => $"q{index}";

    public IReadOnlyList<string> Errors(string key) => ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    /// <summary>What the member chose for the question, kept after a refused submit.</summary>
    public IReadOnlyList<string> Posted(int index) => Request.HasFormContentType ? Request.Form[Name(index)].Select(v => v ?? "").ToList() : [];

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await queries.GetAsync(Actor.From(User), id, ct);
        if (!found.IsOk) return NotFound();
        Survey = found.Value!;
        CanAnswer = SurveyPermissions.CanAnswer(Actor.From(User)) && Survey.AcceptingAnswers && Survey.Answered != true;
        return null;
    }
}
