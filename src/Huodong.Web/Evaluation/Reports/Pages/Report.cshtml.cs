using System.Text.Json;
using Huodong.Web.Evaluation.Comparison;
using Huodong.Web.Participation.Pages;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Evaluation.Reports.Pages;

/// <summary>
/// <c>/console/activities/{id}/report</c>: the evaluation report of one activity (V1, V2.1, V2.4) — every figure
/// with its definition, the charts and the comparison with earlier similar activities — laid out to print to PDF
/// from the browser. The charts' data travels in a JSON data block read by <c>js/activity-report.js</c>.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class ReportModel(ActivityReport report, Metrics.RecordGoalValue recordGoal, IStringLocalizer<SharedResource> l) : PageModel
{
    public ReportView View { get; private set; } = null!;

    /// <summary>The goal whose value the team just tried to record, and what it typed, kept when it is refused.</summary>
    public string? GoalName { get; private set; }
    public string? GoalActual { get; private set; }
    public string? GoalError { get; private set; }

    /// <summary>The team records measured goal values while the activity runs and until it is closed (V1.3).</summary>
    public bool CanRecordGoals => User.Identity?.IsAuthenticated == true && View.Activity.IsOnTeam(Actor.From(User).Id)
        && EvaluationPermissions.IsMeasurable(View.Activity.Status);

    /// <summary>The metrics the trend charts show, one small chart each.</summary>
    public static readonly string[] TrendMetrics =
        [MetricKeys.Participants, MetricKeys.ParticipationRate, MetricKeys.Interactions, MetricKeys.Csat, MetricKeys.CostPerParticipant];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await report.ForAsync(Actor.From(User), id, ct);
        if (!found.IsOk) return this.Refuse(found.Error!);
        View = found.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostGoalAsync(Guid id, string? name, string? actual, CancellationToken ct)
    {
        decimal? value = decimal.TryParse(actual, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
        var recorded = await recordGoal.ExecuteAsync(Actor.From(User), id, new Metrics.GoalValueInput(name, value), ct);
        if (recorded.IsOk) return Redirect($"/console/activities/{id}/report#report-goals");
        if (recorded.Error!.Kind is not ErrorKind.Validation and not ErrorKind.Conflict) return this.Refuse(recorded.Error);
        var found = await report.ForAsync(Actor.From(User), id, ct);
        if (!found.IsOk) return this.Refuse(found.Error!);
        View = found.Value!;
        (GoalName, GoalActual) = (name, actual);
        GoalError = string.IsNullOrWhiteSpace(actual) ? l["Enter the measured value."].Value
            : value is null ? l["Enter a number, for example 1200 or 35.5."].Value
            : string.Join(" ", recorded.Error.Fields?.Values.SelectMany(x => x).Select(x => l[x].Value) ?? [l[recorded.Error.MessageKey].Value]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public string Label(string key) => l[MetricDefinitions.Of(key).Label].Value;

    /// <summary>Data and localised labels for the charts; the serializer escapes &lt; so the block cannot close early.</summary>
    public string ChartJson()
    {
        var m = View.Metrics;
        var i = m.InteractionBreakdown;
        var c = View.Comparison;
        var data = new
        {
            funnel = new
            {
                labels = new[] { l["Page views"].Value, l["Registrations"].Value, Label(MetricKeys.Participants) },
                values = new[] { View.PageViews, View.Registrations, m.Participants },
            },
            interactions = new
            {
                labels = new[] { Label(MetricDefinitions.Comments), Label(MetricDefinitions.Replies), Label(MetricDefinitions.Likes),
                    Label(MetricDefinitions.Questions), Label(MetricDefinitions.Answers) },
                values = new[] { i.Comments, i.Replies, i.Likes, i.Questions, i.Answers },
            },
            satisfaction = m.Satisfaction.Responses == 0 ? null : new
            {
                csat = m.Satisfaction.Csat is { } cs ? Math.Round(cs * 100, 1) : (double?)null,
                nps = m.Satisfaction.Nps,
                csatLabel = l["CSAT"].Value, npsLabel = l["NPS"].Value,
            },
            timeline = new
            {
                days = View.Timeline.Days,
                series = DailyCounts.Charted.Select(k => new { name = l[EventLabel(k)].Value, values = View.Timeline.Counts[k.ToString()] }),
            },
            cost = new
            {
                categories = View.Costs.Select(x => l[Labels.Of(x.Category)].Value),
                budget = View.Costs.Select(x => x.Budget), actual = View.Costs.Select(x => x.Actual),
                budgetLabel = l["Budget"].Value, actualLabel = l["Actual"].Value,
            },
            trend = TrendMetrics.Select(k => new
            {
                key = k, label = Label(k), format = MetricDefinitions.Of(k).Format.ToString(), higherIsBetter = MetricKeys.HigherIsBetter(k),
                points = c.Trend.Select(p => new { title = p.Title, day = p.EndsAt is { } e ? Display.Day(e) : "", current = p.Current, value = p.Values[k] }),
            }),
            thisActivity = l["This activity"].Value,
        };
        return JsonSerializer.Serialize(data, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }

    private static string EventLabel(Participation.ActivityEventKind k) => k switch
    {
        Participation.ActivityEventKind.PageView => "Page views",
        Participation.ActivityEventKind.Registered => "Registrations",
        Participation.ActivityEventKind.Submitted => "Submissions",
        Participation.ActivityEventKind.Commented => "Comments",
        Participation.ActivityEventKind.Questioned => "Questions",
        Participation.ActivityEventKind.Answered => "Answers",
        _ => "Likes",
    };
}
