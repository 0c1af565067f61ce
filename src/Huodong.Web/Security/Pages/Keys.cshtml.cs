using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Security.Pages;

/// <summary>
/// <c>/console/security/keys</c> (Admin): the key ring (ids only, never key bytes) and the re-encryption of every sealed
/// column to the active key — started here, carried out by <see cref="ReencryptionWorker"/> in the background, its
/// per-table progress read from the database (the page refreshes itself while a run goes).
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class KeysModel(KeyRing ring, Reencryption job, ReencryptionSignal signal) : PageModel
{
    public string ActiveKeyId { get; private set; } = "";
    public IReadOnlyList<string> KeyIds { get; private set; } = [];
    public string? KeyFile { get; private set; }
    public List<ReencryptionProgress> Progress { get; private set; } = [];
    public bool Running => Progress.Any(p => !p.Completed);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Actor.From(User).Is(Roles.Admin)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (!actor.Is(Roles.Admin)) return Forbid();
        await job.StartAsync(actor.Id, again: true, ct);
        signal.Wake();
        TempData["Notice"] = "Re-encryption started; it runs in the background.";
        return LocalRedirect("/console/security/keys");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        ActiveKeyId = ring.ActiveKeyId;
        KeyIds = ring.Keys.Keys.Order().ToList();
        KeyFile = ring.KeyFile is null ? null : Path.GetFileName(ring.KeyFile);
        Progress = await job.ProgressAsync(ct);
    }
}
