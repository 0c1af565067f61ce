using System.Text.Json;
using Huodong.Web.Evaluation.Comparison;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Evaluation.Reports.Pages;

/// <summary><c>/console/overview</c>: the community overview (V2.1) — activities by state and the monthly trends, as <c>GET /api/overview</c> gives them.</summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class CommunityOverviewModel(CommunityOverview overview, IStringLocalizer<SharedResource> l) : PageModel
{
    public OverviewView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await overview.ForAsync(Actor.From(User), ct);
        if (!found.IsOk) return Forbid();
        View = found.Value!;
        return Page();
    }

    /// <summary>"2026-05" as the culture writes a month: 2026年5月 · May 2026.</summary>
    public static string MonthText(string month)
    {
        var (y, m) = (int.Parse(month[..4]), int.Parse(month[5..]));
        return System.Globalization.CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "zh"
            ? $"{y}年{m}月" : new DateTime(y, m, 1).ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
    }

    public string ChartJson()
    {
        var months = View.Months;
        var data = new
        {
            months = months.Select(x => MonthText(x.Month)),
            participants = months.Select(x => x.Participants),
            rate = months.Select(x => x.ParticipationRate is { } r ? Math.Round(r * 100, 1) : (double?)null),
            csat = months.Select(x => x.Csat is { } c ? Math.Round(c * 100, 1) : (double?)null),
            nps = months.Select(x => x.Nps is { } n ? Math.Round(n, 1) : (double?)null),
            spend = months.Select(x => x.Spend),
            labels = new
            {
                participants = l["Participants"].Value, rate = l["Participation rate"].Value + " (%)",
                csat = l["CSAT"].Value + " (%)", nps = l["NPS"].Value, spend = l["Actual cost"].Value + " (¥)",
            },
        };
        return JsonSerializer.Serialize(data, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
