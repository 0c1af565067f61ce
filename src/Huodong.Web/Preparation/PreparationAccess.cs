using Huodong.Web.Security;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation;

/// <summary>Loading an activity for a preparation read or change with its permission check, and naming staff by email.</summary>
public static class PreparationAccess
{
    /// <summary>The activity for reading its preparation: 404 when the caller may not see it.</summary>
    public static async Task<Result<Activity>> ForViewAsync(HuodongDb db, Actor actor, Guid activityId, CancellationToken ct)
    {
        var a = await db.Activities.AsNoTracking().Include(x => x.Team).FirstOrDefaultAsync(x => x.Id == activityId, ct);
        if (a is null || !PreparationPermissions.CanView(actor, a)) return ActivityErrors.NotFound;
        return a;
    }

    /// <summary>The activity for a change (locked on PostgreSQL): 404 unseen, 403 off the team, 409 when it is over.</summary>
    public static async Task<Result<Activity>> ForChangeAsync(ActivityStore store, Actor actor, Guid activityId, CancellationToken ct)
    {
        var a = await store.FindAsync(activityId, ct);
        if (a is null || !PreparationPermissions.CanView(actor, a)) return ActivityErrors.NotFound;
        if (!PreparationPermissions.CanChange(actor, a)) return ActivityErrors.NotOnTeam;
        if (!PreparationPermissions.IsOpenForPreparation(a.Status)) return ActivityErrors.WrongState(a.Status);
        return a;
    }

    /// <summary>The staff account with this email; null email → no one; an unknown or non-staff email is an error.</summary>
    public static async Task<Result<Guid?>> StaffAsync(HuodongDb db, string? email, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return (Guid?)null;
        var normalised = db.AccountKey(email.Trim());
        var staffRoleIds = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
        var id = await db.Users
            .Where(u => u.NormalizedEmail == normalised && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return id is null ? PreparationErrors.StaffField(field) : id;
    }

    /// <summary>Email and display name of the given accounts, for views.</summary>
    public static async Task<Dictionary<Guid, (string Email, string Name)>> PeopleAsync(HuodongDb db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        var rows = await db.Users.Where(u => wanted.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (r.Email ?? "", r.DisplayName));
    }
}
