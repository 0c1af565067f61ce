using System.Text.Json;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Security.Pages;

public sealed record RevealEntry(long Sequence, DateTimeOffset At, string Staff, string Kind, string SubjectType, string SubjectId,
    string? Field, string? Reason);

/// <summary>
/// <c>/console/security/reveals</c> (Admin, Community Head): who revealed or exported which personal data, when and
/// why — read from the audit chain's <c>personal-data.*</c> entries, filtered by kind, staff member and dates.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class RevealsModel(HuodongDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Staff { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<RevealEntry> Entries { get; private set; } = new([], 0);

    public static bool CanSee(Actor actor) => actor.Is(Roles.Admin) || actor.Is(Roles.CommunityHead);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!CanSee(Actor.From(User))) return Forbid();
        PageNumber = Math.Max(1, PageNumber);
        var codes = Kind switch
        {
            "revealed" => [PersonalDataReveal.RevealedCode],
            "exported" => [PersonalDataReveal.ExportedCode],
            _ => new[] { PersonalDataReveal.RevealedCode, PersonalDataReveal.ExportedCode },
        };
        var q = db.AuditEntries.AsNoTracking().Where(e => codes.Contains(e.Code));
        if (From is { } from) { var f = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero); q = q.Where(e => e.At >= f); }
        if (To is { } to) { var t = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero); q = q.Where(e => e.At < t); }
        if (!string.IsNullOrWhiteSpace(Staff))
        {
            // Account emails are sealed, so a part of one cannot be searched in SQL: the staff accounts (few) are
            // decrypted and matched here, by email or name.
            var needle = Staff.Trim();
            var staffRoleIds = db.Roles.Where(r => People.Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
            var staff = await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)))
                .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
            var ids = staff.Where(u => (u.Email ?? "").Contains(needle, StringComparison.OrdinalIgnoreCase)
                    || u.DisplayName.Contains(needle, StringComparison.OrdinalIgnoreCase))
                .Select(u => (Guid?)u.Id).ToList();
            q = q.Where(e => ids.Contains(e.ActorId));
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(e => e.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var actors = rows.Select(r => r.ActorId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Entries = new Page<RevealEntry>(rows.Select(e =>
        {
            using var data = JsonDocument.Parse(e.Data ?? "{}");
            string? Read(string name) => data.RootElement.TryGetProperty(name, out var v) ? v.GetString() : null;
            return new RevealEntry(e.Sequence, e.At, e.ActorId is { } a ? names.GetValueOrDefault(a, "—") : "—",
                e.Code == PersonalDataReveal.RevealedCode ? "revealed" : "exported", e.SubjectType, e.SubjectId, Read("field"), Read("reason"));
        }).ToList(), total);
        return Page();
    }

    public string Link(int page) => "/console/security/reveals?" + string.Join("&", new[]
    {
        Kind is { Length: > 0 } ? $"kind={Uri.EscapeDataString(Kind)}" : null,
        Staff is { Length: > 0 } ? $"staff={Uri.EscapeDataString(Staff)}" : null,
        From is { } f ? $"from={f:yyyy-MM-dd}" : null,
        To is { } t ? $"to={t:yyyy-MM-dd}" : null,
        $"page={page}",
    }.Where(x => x is not null));
}
