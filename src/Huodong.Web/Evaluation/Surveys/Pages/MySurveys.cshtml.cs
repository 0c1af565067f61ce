using Huodong.Web.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Evaluation.Surveys.Pages;

/// <summary><c>/me/surveys</c>: the open surveys the member can answer now.</summary>
[Authorize]
public sealed class MySurveysModel(SurveyQueries queries) : PageModel
{
    public List<SurveyView> Surveys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Surveys = await queries.MineAsync(Actor.From(User), ct);
}
