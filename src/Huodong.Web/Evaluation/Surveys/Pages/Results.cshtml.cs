using System.Globalization;
using System.Text;
using System.Text.Json;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Evaluation.Surveys.Pages;

/// <summary>
/// <c>/console/surveys/{id}</c>: a survey's state and results (V1.2) — response count and rate, CSAT and NPS, a chart
/// and a table per question, the free-text answers — with open/close, export, and for needs research (P2.1) a summary
/// to cite in a plan's evidence.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class ResultsModel(SurveyQueries queries, BuildSurvey build, IStringLocalizer<SharedResource> l) : PageModel
{
    public SurveyView Survey { get; private set; } = null!;
    public SurveyResultsView Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, build.OpenAsync(Actor.From(User), id, ct), "The survey is open for answers.", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, build.CloseAsync(Actor.From(User), id, ct), "The survey is closed.", ct);

    private async Task<IActionResult> ChangeAsync(Guid id, Task<Result<Survey>> change, string notice, CancellationToken ct)
    {
        var result = await change;
        if (result.IsOk)
        {
            TempData["Notice"] = notice;
            return LocalRedirect($"/console/surveys/{id}");
        }
        if (result.Error!.Kind == ErrorKind.NotFound) return NotFound();
        ModelState.AddError(result.Error, l, _ => null);
        return await LoadAsync(id, ct) ?? Page();
    }

    public IReadOnlyList<string> Errors => ModelState[""]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    /// <summary>The chart's data for survey-charts.js: labels, counts, and the series name.</summary>
    public string ChartJson(QuestionResult q) => JsonSerializer.Serialize(new
    {
        labels = q.Distribution.Select(d => d.Label),
        counts = q.Distribution.Select(d => d.Count),
        series = l["Answers"].Value,
        horizontal = q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice,
    });

    /// <summary>A plain-text summary of the results to paste into a plan's evidence (P2.1: plans rest on research).</summary>
    public string EvidenceSummary()
    {
        var r = Results;
        var sb = new StringBuilder();
        sb.AppendLine(l["Survey \"{0}\": {1} responses ({2} of the audience).", r.Title, r.Responses, SurveyLabels.Percent(r.ResponseRate)]);
        foreach (var q in r.Questions)
        {
            var line = q.Type switch
            {
                QuestionType.SingleChoice or QuestionType.MultipleChoice => string.Join(l["; "], q.Distribution.OrderByDescending(d => d.Count).Take(3)
                    .Select(d => $"{d.Label} {d.Percent.ToString("0.#", CultureInfo.InvariantCulture)}%")),
                QuestionType.Rating => l["average {0} of 5, CSAT {1}", q.Average?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—", SurveyLabels.Percent(q.Csat)].Value,
                QuestionType.Nps => l["NPS {0}", q.Nps?.ToString("0", CultureInfo.InvariantCulture) ?? "—"].Value,
                _ => l["{0} written answers", q.Texts.Count].Value,
            };
            sb.AppendLine($"- {q.Text}: {line}");
        }
        return sb.ToString().TrimEnd();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var results = await queries.ResultsAsync(actor, id, ct);
        if (!results.IsOk) return NotFound();
        Results = results.Value!;
        Survey = (await queries.GetAsync(actor, id, ct)).Value!;
        return null;
    }
}
