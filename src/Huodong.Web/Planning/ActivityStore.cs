using Huodong.Web.Security;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Planning;

/// <summary>
/// Loads an activity for a change and saves it with one audit entry per new transition, in one transaction
/// (STYLE.md principles 2 and 4). Team emails in a plan are resolved to staff accounts here.
/// </summary>
public sealed class ActivityStore(HuodongDb db, AuditLog audit, IActivityTimetable? timetable = null,
    ILogger<ActivityStore>? log = null)
{
    public const string UnknownTeamMember = "No staff account has this email.";

    public HuodongDb Db => db;

    /// <summary>
    /// Loads an activity to change it, inside <see cref="InTransactionAsync{T}"/>. On PostgreSQL the row is locked
    /// first, so a second change waits and then sees the first one's outcome (a clean 409 for the wrong state)
    /// instead of colliding on the same new version; SQLite's write transactions are already serialised.
    /// </summary>
    public async Task<Activity?> FindAsync(Guid id, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Activities\" WHERE \"Id\" = {id} FOR UPDATE", ct);
        return await db.Activities.Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    /// <summary>Runs <paramref name="change"/> inside a write transaction and commits it when it succeeds.</summary>
    public async Task<Result<T>> InTransactionAsync<T>(Func<Task<Result<T>>> change, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await change();
        if (!result.IsOk) return result;
        try
        {
            var moved = await AuditNewTransitionsAsync(ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await SyncTimetableAsync(moved);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ActivityErrors.ConcurrentChange;
        }
    }

    /// <summary>Audits the transitions about to be saved; returns the activities they moved.</summary>
    private async Task<List<Activity>> AuditNewTransitionsAsync(CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<Transition>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity).ToList();
        foreach (var t in added)
            await audit.AppendAsync(t.ActorId, t.Action, "activity", t.ActivityId.ToString(),
                new { from = t.From.ToString(), to = t.To.ToString(), version = t.Version, hash = t.Hash, noted = t.Note is not null }, ct);
        var ids = added.Select(t => t.ActivityId).ToHashSet();
        return db.ChangeTracker.Entries<Activity>().Select(e => e.Entity).Where(a => ids.Contains(a.Id)).ToList();
    }

    /// <summary>
    /// After the commit, the scheduler's triggers follow the new state and times. A failure here loses nothing: the
    /// change is saved, and the scheduler's periodic reconciliation puts the triggers right.
    /// </summary>
    private async Task SyncTimetableAsync(List<Activity> moved)
    {
        if (timetable is null) return;
        foreach (var activity in moved)
        {
            try { await timetable.SyncAsync(activity, CancellationToken.None); }
            catch (Exception ex) { log?.LogWarning(ex, "Could not update the schedule of activity {Id}; reconciliation will.", activity.Id); }
        }
    }

    /// <summary>Maps the plan's team emails to staff account ids, or names the emails that match none.</summary>
    public async Task<Result<List<Guid>>> ResolveTeamAsync(Plan plan, CancellationToken ct)
    {
        // NormalizedEmail holds the email's lookup key (a keyed hash): the emails are compared as keys.
        var emails = (plan.Team ?? []).Select(e => string.IsNullOrWhiteSpace(e) ? "" : db.AccountKey(e.Trim())).ToList();
        if (emails.Count == 0) return new List<Guid>();
        var staffRoleIds = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
        var found = await db.Users
            .Where(u => emails.Contains(u.NormalizedEmail!) && db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.NormalizedEmail })
            .ToListAsync(ct);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < emails.Count; i++)
            if (!found.Any(f => f.NormalizedEmail == emails[i]))
                errors[$"team[{i}]"] = [UnknownTeamMember];
        if (errors.Count > 0) return Error.Validation(errors);
        return found.Select(f => f.Id).Distinct().ToList();
    }
}
