using Huodong.Web.Participation.Pages;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Preparation.Pages;

/// <summary>
/// <c>/console/activities/{id}/readiness</c>: E1 at a glance — the gate's verdict with what is missing, the duties
/// with their assignees, the materials, the latest readiness check to run and tick, and the launch (E2.1) once the
/// gate holds and the start time has come. Every action goes through the same use cases as the API.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class ReadinessModel(ActivityQueries activities, Staffing staffing, Materials materials, ReadinessChecks checks,
    Readiness readiness, LaunchActivity launch, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public ConsoleTabs Tabs { get; private set; } = null!;
    public ReadinessAnswer Verdict { get; private set; } = null!;
    public List<DutyView> Duties { get; private set; } = [];
    public List<MaterialView> Stock { get; private set; } = [];
    public ReadinessCheckView? Latest { get; private set; }
    public bool CanChange { get; private set; }
    public bool StartHasCome { get; private set; }

    [BindProperty] public DutyForm Duty { get; set; } = new();
    [BindProperty] public MaterialForm Item { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostDefaultsAsync(Guid id, CancellationToken ct) =>
        Act(id, async () => (await staffing.AddDefaultsAsync(Me, id, ct)).Error, "A host and a moderator on watch were added; name someone for each.", ct);

    public Task<IActionResult> OnPostAddDutyAsync(Guid id, CancellationToken ct) =>
        Act(id, async () => (await staffing.AddAsync(Me, id, Duty.ToInput(), ct)).Error, "The duty was added.", ct);

    public Task<IActionResult> OnPostAssignAsync(Guid id, Guid dutyId, string? assigneeEmail, CancellationToken ct) =>
        Act(id, async () =>
        {
            var duty = (await staffing.ListAsync(Me, id, ct)).Value?.FirstOrDefault(d => d.Id == dutyId);
            if (duty is null) return PreparationErrors.DutyNotFound;
            return (await staffing.UpdateAsync(Me, dutyId, new DutyInput(duty.Kind, duty.Title, duty.From, duty.To, assigneeEmail), ct)).Error;
        }, "The duty's assignee was saved.", ct);

    public Task<IActionResult> OnPostAddMaterialAsync(Guid id, CancellationToken ct) =>
        Act(id, async () => (await materials.AddAsync(Me, id, Item.ToInput(), ct)).Error, "The material was added.", ct);

    public Task<IActionResult> OnPostStockAsync(Guid id, Guid materialId, int inHand, MaterialStatus status, CancellationToken ct) =>
        Act(id, async () =>
        {
            var m = (await materials.ListAsync(Me, id, ct)).Value?.FirstOrDefault(x => x.Id == materialId);
            if (m is null) return PreparationErrors.MaterialNotFound;
            return (await materials.UpdateAsync(Me, materialId,
                new MaterialInput(m.Name, m.Kind, m.QuantityNeeded, inHand, m.OwnerEmail, status, m.Note), ct)).Error;
        }, "The material was updated.", ct);

    public Task<IActionResult> OnPostRunCheckAsync(Guid id, CancellationToken ct) =>
        Act(id, async () => (await checks.RunAsync(Me, id, ct)).Error, "The readiness check ran; its results are below.", ct);

    public Task<IActionResult> OnPostTickAsync(Guid id, Guid checkId, string key, bool done, CancellationToken ct) =>
        Act(id, async () => (await checks.TickAsync(Me, id, checkId, key, done, ct)).Error, "The checklist was updated.", ct);

    public Task<IActionResult> OnPostLaunchAsync(Guid id, CancellationToken ct) =>
        Act(id, async () => (await launch.ExecuteAsync(Me, id, ct)).Result.Error, "The activity is live.", ct);

    private Actor Me => Actor.From(User);

    /// <summary>Runs one action; on success back to the page with a notice, else the page again with the messages.</summary>
    private async Task<IActionResult> Act(Guid id, Func<Task<Error?>> action, string notice, CancellationToken ct)
    {
        var error = await action();
        if (error is null)
        {
            TempData["Notice"] = notice;
            return LocalRedirect($"/console/activities/{id}/readiness");
        }
        if (error.Kind == ErrorKind.NotFound && error.Fields is null && error.MessageKey == ActivityErrors.NotFound.MessageKey) return NotFound();
        ModelState.AddError(error, l, _ => null);
        return await LoadAsync(id, ct) ?? Page();
    }

    public IReadOnlyList<string> Errors => ModelState[""]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Me;
        var found = await activities.GetAsync(actor, id, ct);
        if (!found.IsOk) return NotFound();
        var a = found.Value!;
        var duties = await staffing.ListAsync(actor, id, ct);
        if (!duties.IsOk) return this.Refuse(duties.Error!);
        Tabs = ConsoleTabs.For(actor, a, "readiness");
        Duties = duties.Value!;
        Stock = (await materials.ListAsync(actor, id, ct)).Value ?? [];
        Latest = (await checks.HistoryAsync(actor, id, ct)).Value?.FirstOrDefault();
        Verdict = ReadinessAnswer.From(await readiness.EvaluateAsync(id, ct), l);
        CanChange = PreparationPermissions.CanChange(actor, a);
        StartHasCome = a.StartsAt is { } start && time.GetUtcNow() >= start;
        return null;
    }

    public sealed class DutyForm
    {
        public DutyKind? Kind { get; set; }
        public string? Title { get; set; }
        public DateTime? From { get; set; }
        public DateTime? To { get; set; }
        public string? AssigneeEmail { get; set; }
        public DutyInput ToInput() => new(Kind, Title, Display.FromChinaLocal(From), Display.FromChinaLocal(To), AssigneeEmail);
    }

    public sealed class MaterialForm
    {
        public string? Name { get; set; }
        public MaterialKind? Kind { get; set; }
        public int? QuantityNeeded { get; set; }
        public int? QuantityInHand { get; set; }
        public string? OwnerEmail { get; set; }
        public MaterialInput ToInput() => new(Name, Kind, QuantityNeeded, QuantityInHand, OwnerEmail, MaterialStatus.Planned, null);
    }
}
