using Huodong.Web.Security;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Improvement;

/// <summary><c>POST /api/activities/{id}/improvements</c> (V3.1): the team adds an action derived from the activity's summary.</summary>
public sealed class AddImprovement(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public Task<Result<ImprovementAction>> ExecuteAsync(Actor actor, Guid activityId, NewImprovement input, CancellationToken ct) =>
        store.InTransactionAsync<ImprovementAction>(async () =>
        {
            var db = store.Db;
            var source = await db.Activities.Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == activityId, ct);
            if (source is null || !PlanningPermissions.CanSee(actor, source)) return ActivityErrors.NotFound;
            if (!ImprovementPermissions.CanAdd(actor, source)) return Error.Forbidden;
            if (!await db.Set<Summary.SummaryReview>().AnyAsync(s => s.ActivityId == activityId, ct)) return ImprovementErrors.NoSummary;
            var owner = await StaffDirectory.FindAsync(db, input.Owner, ct);
            var created = ImprovementAction.Create(activityId, source.Format ?? ActivityFormat.Other, input, owner, actor.Id, time.UtcNow());
            if (!created.IsOk) return created.Error!;
            var action = created.Value!;
            db.Add(action);
            await audit.AppendAsync(actor.Id, "improvement.created", "improvement", action.Id.ToString(), new
            {
                activityId, action.Title, ownerId = action.OwnerId, dueOn = action.DueOn, metric = action.MetricKey, format = action.Format.ToString(),
            }, ct);
            return action;
        }, ct);
}

/// <summary>Staff accounts by email, for an action's owner.</summary>
public static class StaffDirectory
{
    public static async Task<Guid?> FindAsync(HuodongDb db, string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var normalized = db.AccountKey(email.Trim());
        var staffRoleIds = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
        var id = await db.Users.Where(u => u.NormalizedEmail == normalized
                && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return id;
    }

    /// <summary>Every staff account (email and name), for the owner picker.</summary>
    public static async Task<List<(string Email, string Name)>> ListAsync(HuodongDb db, CancellationToken ct)
    {
        var staffRoleIds = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
        var list = await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)) && u.Email != null)
            .Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct);
        // Emails are sealed (random nonce): they are ordered once decrypted, not by the database.
        return list.Select(x => (x.Email!, x.DisplayName)).OrderBy(x => x.Item1, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
