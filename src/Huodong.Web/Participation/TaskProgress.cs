using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>
/// Task mode: records an activity task as done when the platform sees the member do what it asks (commenting,
/// asking, liking, replying), and reports each member's progress through the activity's tasks.
/// </summary>
public static class TaskProgress
{
    /// <summary>Marks every task of the activity that <paramref name="action"/> completes, for a registered member.</summary>
    public static async Task DetectAsync(HuodongDb db, Activity activity, Guid memberId, TaskDetection action,
        DateTimeOffset at, CancellationToken ct)
    {
        var tasks = activity.ApprovedPlan?.Participation?.Tasks?.Where(t => t?.Detect == action).ToList() ?? [];
        if (tasks.Count == 0) return;
        if (!await db.Registrations.AnyAsync(r => r.ActivityId == activity.Id && r.MemberId == memberId
                && r.Status == RegistrationStatus.Confirmed, ct)) return;
        var done = await db.CompletedTasks.Where(t => t.MemberId == memberId && t.ActivityId == activity.Id)
            .Select(t => t.TaskKey).ToListAsync(ct);
        foreach (var task in tasks.Where(t => !done.Contains(t.Key)))
            await CompleteAsync(db, activity.Id, memberId, task.Key, "detected", null, at, ct);
    }

    /// <summary>Records one task as done (idempotent: the key is the member, activity and task).</summary>
    public static async Task CompleteAsync(HuodongDb db, Guid activityId, Guid memberId, string taskKey, string source,
        Guid? confirmedBy, DateTimeOffset at, CancellationToken ct)
    {
        if (await db.CompletedTasks.AnyAsync(t => t.MemberId == memberId && t.ActivityId == activityId && t.TaskKey == taskKey, ct))
            return;
        if (db.ChangeTracker.Entries<CompletedTask>().Any(e => e.Entity.MemberId == memberId
                && e.Entity.ActivityId == activityId && e.Entity.TaskKey == taskKey)) return;
        db.CompletedTasks.Add(new CompletedTask(memberId, activityId, taskKey, source, confirmedBy, at));
        db.ActivityEvents.Add(new ActivityEvent(activityId, memberId, ActivityEventKind.TaskCompleted, at));
    }

    public sealed record Item(string Key, string Title, bool Done, bool AutoDetected);

    public static async Task<List<Item>> ProgressAsync(HuodongDb db, Activity activity, Guid memberId, CancellationToken ct)
    {
        var done = await db.CompletedTasks.Where(t => t.MemberId == memberId && t.ActivityId == activity.Id)
            .Select(t => t.TaskKey).ToListAsync(ct);
        return (activity.ApprovedPlan?.Participation?.Tasks ?? []).Where(t => t is not null)
            .Select(t => new Item(t.Key, t.Title, done.Contains(t.Key), t.Detect is not null)).ToList();
    }
}
