using Huodong.Web.Participation.Pages;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.LiveOps.Pages;

/// <summary>
/// <c>/console/activities/{id}/live</c>: the live monitoring console (E2.2, S1.2) for the team and the moderators on
/// watch. Rendered with the monitor's current reading; <c>js/live-monitor.js</c> then polls
/// <c>GET /api/activities/{id}/monitor</c> and redraws the chart, alerts, questions and incidents. The emergency
/// pause and resume forms call <see cref="PauseActivity"/>, as the API does.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class LiveModel(ActivityQueries activities, LiveMonitor monitor, PauseActivity pause,
    HandleIncident incidents, IStringLocalizer<SharedResource> l) : PageModel
{
    public ConsoleTabs Tabs { get; private set; } = null!;
    public MonitorView View { get; private set; } = null!;

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public IncidentForm Incident { get; set; } = new();
    /// <summary>Which form the refusal shown belongs to: pause or report.</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostPauseAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, pause.PauseAsync(Actor.From(User), id, Reason, ct), "The activity is paused; registrants have been told.", ct);

    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, pause.ResumeAsync(Actor.From(User), id, Reason, ct), "The activity has resumed; registrants have been told.", ct);

    public async Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct)
    {
        var input = new OpenIncidentInput(Incident.Kind, Incident.Severity, Incident.Title, Incident.Description, null);
        var result = await incidents.OpenAsync(Actor.From(User), id, input, ct);
        return await AfterAsync(id, result.IsOk ? null : result.Error, "The incident is reported.", "report", ct);
    }

    public async Task<IActionResult> OnPostIncidentAsync(Guid id, Guid incidentId, string? verb, string? resolution, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var result = verb == "acknowledge" ? await incidents.AcknowledgeAsync(actor, incidentId, ct)
            : await incidents.ResolveAsync(actor, incidentId, resolution, ct);
        return await AfterAsync(id, result.IsOk ? null : result.Error, verb == "acknowledge" ? "You took up the incident." : "The incident is resolved.", "report", ct);
    }

    public IReadOnlyList<string> Errors(string key) =>
        ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    public string AlertText(MonitorAlert a) => l[a.Text, a.Args].Value;

    /// <summary>Localised names of severities, kinds and statuses, for the script that redraws the incident list.</summary>
    public string LabelsJson => System.Text.Json.JsonSerializer.Serialize(
        Enum.GetNames<IncidentSeverity>().Concat(Enum.GetNames<IncidentStatus>())
            .ToDictionary(n => n, n => l[n].Value)
            .Concat(Enum.GetNames<IncidentKind>().ToDictionary(n => n, n => l[Labels.Humanize(n)].Value))
            .ToDictionary(kv => kv.Key, kv => kv.Value));

    private async Task<IActionResult> ChangeAsync(Guid id, Task<Result<Activity>> change, string notice, CancellationToken ct)
    {
        var result = await change;
        return await AfterAsync(id, result.IsOk ? null : result.Error, notice, "pause", ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Error? error, string notice, string form, CancellationToken ct)
    {
        if (error is null)
        {
            TempData["Notice"] = notice;
            return LocalRedirect($"/console/activities/{id}/live");
        }
        if (error.Kind == ErrorKind.NotFound && error.Fields is null) return NotFound();
        if (error.Kind == ErrorKind.Forbidden) return Forbid();
        FailedForm = form;
        ModelState.AddError(error, l, field => field == "reason" ? nameof(Reason) : field == "title" ? "Incident.Title" : null);
        return await LoadAsync(id, ct) ?? Page();
    }

    public sealed class IncidentForm
    {
        public IncidentKind? Kind { get; set; }
        public IncidentSeverity? Severity { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var found = await activities.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        var read = await monitor.ReadAsync(actor, found.Value!, ct);
        if (!read.IsOk) return this.Refuse(read.Error!);
        Tabs = ConsoleTabs.For(actor, found.Value!, "live");
        View = read.Value!;
        return null;
    }
}
