using Huodong.Web.Participation.Pages;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Security.Monitoring.Pages;

/// <summary>
/// <c>/console/security/alerts</c> (Admin): the security alerts, open or all, each acknowledged with a note; the last
/// audit-chain verification (and a button to run one now); the retention and alert settings, read-only.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class AlertsModel(AlertQueries queries, AcknowledgeAlert acknowledge, AuditChainWatch chain,
    IOptions<AlertOptions> alertOptions, IOptions<RetentionOptions> retentionOptions, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? Note { get; set; }
    public Guid? NoteFor { get; private set; }

    public Page<AlertView> Alerts { get; private set; } = new([], 0);
    public AuditChainCheck? LastCheck { get; private set; }
    public AlertOptions Thresholds => alertOptions.Value;
    public RetentionOptions Retention => retentionOptions.Value;
    public bool ShowAll => string.Equals(Status, "all", StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid alertId, CancellationToken ct)
    {
        var result = await acknowledge.ExecuteAsync(Actor.From(User), alertId, new AcknowledgeInput(Note), ct);
        if (result.IsOk)
        {
            TempData["Notice"] = "The alert is acknowledged.";
            return LocalRedirect(Link(1));
        }
        if (result.Error!.Kind is ErrorKind.Forbidden or ErrorKind.NotFound) return this.Refuse(result.Error);
        NoteFor = alertId;
        ModelState.AddError(result.Error, l, field => field == "note" ? nameof(Note) : null);
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!MonitoringPermissions.CanSeeAlerts(Actor.From(User))) return Forbid();
        var check = await chain.RunAsync(ct);
        TempData["Notice"] = check.Ok ? "The audit chain is intact." : "The audit chain is broken: a critical alert is open.";
        return LocalRedirect(Link(1));
    }

    public IReadOnlyList<string> Errors(string key) => ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var list = await queries.ListAsync(Actor.From(User), !ShowAll, new Paging(PageNumber, PageSize), ct);
        if (!list.IsOk) return Forbid();
        Alerts = list.Value!;
        LastCheck = await chain.LatestAsync(ct);
        return null;
    }

    public string Link(int page) => $"/console/security/alerts?{(ShowAll ? "status=all&" : "")}page={page}";

    public static string KindLabel(AlertKind kind) => kind switch
    {
        AlertKind.FailedSignInsAccount => "Failed sign-ins on one account",
        AlertKind.FailedSignInsNetwork => "Failed sign-ins from one network",
        AlertKind.PersonalDataBurst => "Many personal records revealed or exported",
        AlertKind.RegistrationBurst => "Registration burst from one network",
        _ => "Audit chain broken",
    };

    public static string SeverityLabel(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "Critical",
        AlertSeverity.High => "High",
        _ => "Warning",
    };
}
