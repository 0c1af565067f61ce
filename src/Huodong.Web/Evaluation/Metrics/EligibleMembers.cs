using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Metrics;

/// <summary>
/// The denominator of the participation rate (V1.1): members who could have taken part — member accounts that existed
/// at <paramref name="at"/>, at the plan's minimum level, with every required task done (platform tasks, or this
/// activity's own). Counted once at launch (<see cref="LaunchBaseline"/>) because levels and tasks change later.
/// </summary>
public static class EligibleMembers
{
    public static Task<int> CountAsync(HuodongDb db, Guid activityId, EligibilityRule? rule, DateTimeOffset at, CancellationToken ct)
    {
        rule ??= new EligibilityRule();
        var members = db.Users.AsNoTracking().Where(u => u.CreatedAt <= at && u.Level >= rule.MinLevel
            && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Member)));
        foreach (var task in (rule.RequiredTasks ?? []).Distinct())
            members = members.Where(u => db.CompletedTasks.Any(t => t.MemberId == u.Id && t.TaskKey == task
                && (t.ActivityId == Guid.Empty || t.ActivityId == activityId) && t.CompletedAt <= at));
        return members.CountAsync(ct);
    }
}

/// <summary>What the evaluation needs frozen at the moment an activity went live: how many members were eligible.</summary>
public class LaunchBaseline
{
    private LaunchBaseline() { }

    public LaunchBaseline(Guid activityId, int eligibleMembers, DateTimeOffset at)
    {
        ActivityId = activityId;
        EligibleMembers = eligibleMembers;
        At = at;
    }

    public Guid ActivityId { get; private set; }
    public int EligibleMembers { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>
    /// Records the baseline of every launched activity that has none, as at its launch (the members then, by today's
    /// levels): for activities launched outside the launch use case, such as the demo's history.
    /// </summary>
    public static async Task BackfillAsync(HuodongDb db, CancellationToken ct)
    {
        var launches = await Launches(db)
            .Where(t => !db.Set<LaunchBaseline>().Any(b => b.ActivityId == t.ActivityId))
            .Select(t => new { t.ActivityId, t.At }).ToListAsync(ct);
        foreach (var launch in launches.GroupBy(l => l.ActivityId).Select(g => g.MinBy(l => l.At)!))
        {
            var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == launch.ActivityId, ct);
            var eligible = await Metrics.EligibleMembers.CountAsync(db, activity.Id, activity.ApprovedPlan?.Eligibility, launch.At, ct);
            db.Add(new LaunchBaseline(activity.Id, eligible, launch.At));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The launch transitions (Approved → Live): when an activity went live.</summary>
    public static IQueryable<Transition> Launches(HuodongDb db) =>
        db.Transitions.AsNoTracking().Where(t => t.To == ActivityStatus.Live && t.From == ActivityStatus.Approved);

    /// <summary>Records the baseline of an activity launching now, in the launch's own transaction.</summary>
    public static async Task RecordAsync(HuodongDb db, Activity activity, DateTimeOffset at, CancellationToken ct)
    {
        if (await db.Set<LaunchBaseline>().AnyAsync(b => b.ActivityId == activity.Id, ct)) return;
        var eligible = await Metrics.EligibleMembers.CountAsync(db, activity.Id, activity.ApprovedPlan?.Eligibility, at, ct);
        db.Add(new LaunchBaseline(activity.Id, eligible, at));
    }
}
