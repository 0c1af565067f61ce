using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Improvement;

public sealed record ActivityRef(Guid Id, string Title, ActivityStatus Status);
public sealed record StaffRef(Guid Id, string? Name, string? Email);

/// <summary>V3.3: the aimed metric on the source activity (before) and on the activity that applied the action (after).</summary>
public sealed record EffectView(string Metric, double? Before, double? After, string? Change);

/// <summary>An improvement action as the API and the pages show it; <c>overdue</c> when still open past its due date.</summary>
public sealed record ImprovementView(Guid Id, ActivityRef Source, string Title, string Description, StaffRef Owner, DateOnly DueOn,
    ImprovementStatus Status, bool Overdue, string? Metric, ActivityFormat Format, ActivityRef? AppliedTo, DateTimeOffset? AppliedAt,
    ImprovementVerdict? Verdict, string? VerdictNote, StaffRef? VerdictBy, DateTimeOffset? VerdictAt, StaffRef CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, EffectView? Effect);

public sealed record ImprovementFilter(ImprovementStatus? Status, ActivityFormat? Format, bool? Overdue);

/// <summary>Reads of improvement actions, each applying <see cref="ImprovementPermissions"/>.</summary>
public sealed class ImprovementQueries(HuodongDb db, TimeProvider time, IServiceProvider services)
{
    /// <summary>Today's date in China, against which due dates are read.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Display.InChina(time.GetUtcNow()).DateTime);

    /// <summary>The actions of one activity, for those who may read its summary.</summary>
    public async Task<Result<List<ImprovementView>>> ForActivityAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await new Summary.SummaryQueries(db).ActivityAsync(actor, activityId, ct);
        if (!activity.IsOk) return activity.Error!;
        var actions = await db.Set<ImprovementAction>().AsNoTracking().Where(a => a.SourceActivityId == activityId)
            .OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return await ViewsAsync(actions, withEffect: false, ct);
    }

    /// <summary><c>GET /api/improvements?status=&amp;format=&amp;overdue=</c>: every action, for staff.</summary>
    public async Task<Result<Page<ImprovementView>>> ListAsync(Actor actor, ImprovementFilter filter, Paging paging, CancellationToken ct)
    {
        if (!ImprovementPermissions.CanList(actor)) return Error.Forbidden;
        var q = db.Set<ImprovementAction>().AsNoTracking();
        if (filter.Status is { } s) q = q.Where(a => a.Status == s);
        if (filter.Format is { } f) q = q.Where(a => a.Format == f);
        var today = Today;
        if (filter.Overdue == true)
            q = q.Where(a => (a.Status == ImprovementStatus.Open || a.Status == ImprovementStatus.InProgress) && a.DueOn < today);
        else if (filter.Overdue == false)
            q = q.Where(a => !((a.Status == ImprovementStatus.Open || a.Status == ImprovementStatus.InProgress) && a.DueOn < today));
        var total = await q.CountAsync(ct);
        var page = await q.OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<ImprovementView>(await ViewsAsync(page, withEffect: false, ct), total);
    }

    /// <summary>One action with its effect (V3.3), for staff.</summary>
    public async Task<Result<ImprovementView>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!ImprovementPermissions.CanList(actor)) return ImprovementErrors.NotFound;
        var action = await db.Set<ImprovementAction>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return ImprovementErrors.NotFound;
        return (await ViewsAsync([action], withEffect: true, ct))[0];
    }

    /// <summary>
    /// V3.2: for a plan being drafted or reviewed — the open actions of earlier activities of its format, and every
    /// action already applied in it. For those who see the plan's internals (its team, the reviewers).
    /// </summary>
    public async Task<Result<List<ImprovementView>>> SuggestedAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
        if (!PlanningPermissions.SeesInternals(actor, activity)) return Error.Forbidden;
        return await SuggestedForAsync(activity, activity.Format, ct);
    }

    /// <summary>The suggestions for a plan of <paramref name="format"/> (the plan itself may not exist yet).</summary>
    public async Task<List<ImprovementView>> SuggestedForAsync(Activity? activity, ActivityFormat? format, CancellationToken ct)
    {
        var id = activity?.Id;
        var q = db.Set<ImprovementAction>().AsNoTracking();
        q = format is { } f
            ? q.Where(a => (a.Format == f && a.SourceActivityId != id
                            && (a.Status == ImprovementStatus.Open || a.Status == ImprovementStatus.InProgress) && a.AppliedToActivityId == null)
                           || (id != null && a.AppliedToActivityId == id))
            : q.Where(a => id != null && a.AppliedToActivityId == id);
        var actions = await q.OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).Take(50).ToListAsync(ct);
        return await ViewsAsync(actions, withEffect: false, ct);
    }

    private async Task<List<ImprovementView>> ViewsAsync(List<ImprovementAction> actions, bool withEffect, CancellationToken ct)
    {
        var activityIds = actions.Select(a => a.SourceActivityId).Concat(actions.Where(a => a.AppliedToActivityId != null)
            .Select(a => a.AppliedToActivityId!.Value)).Distinct().ToList();
        var activities = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id))
            .Select(a => new ActivityRef(a.Id, a.Title, a.Status)).ToDictionaryAsync(a => a.Id, ct);
        var userIds = actions.SelectMany(a => new[] { a.OwnerId, a.CreatedById, a.VerdictById ?? Guid.Empty }).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new StaffRef(u.Id, u.DisplayName, u.Email)).ToDictionaryAsync(u => u.Id, ct);
        StaffRef User(Guid id) => users.GetValueOrDefault(id) ?? new StaffRef(id, null, null);
        var today = Today;
        var views = new List<ImprovementView>(actions.Count);
        foreach (var a in actions)
        {
            var applied = a.AppliedToActivityId is { } t ? activities.GetValueOrDefault(t) : null;
            var effect = withEffect ? await EffectAsync(a, applied, ct) : null;
            views.Add(new ImprovementView(a.Id, activities.GetValueOrDefault(a.SourceActivityId) ?? new ActivityRef(a.SourceActivityId, "", ActivityStatus.Closed),
                a.Title, a.Description, User(a.OwnerId), a.DueOn, a.Status, a.IsOverdue(today), a.MetricKey, a.Format, applied, a.AppliedAt,
                a.Verdict, a.VerdictNote, a.VerdictById is { } v ? User(v) : null, a.VerdictAt, User(a.CreatedById), a.CreatedAt, a.UpdatedAt, effect));
        }
        return views;
    }

    /// <summary>
    /// V3.3: once the activity that applied the action has ended, the aimed metric there against the source activity,
    /// read through <see cref="IActivityMetrics"/>; "improved" or "worse" as <see cref="MetricKeys.HigherIsBetter"/> says.
    /// </summary>
    private async Task<EffectView?> EffectAsync(ImprovementAction a, ActivityRef? applied, CancellationToken ct)
    {
        if (a.MetricKey is not { } key || applied is null || !Summary.SummaryPermissions.HasEnded(applied.Status)) return null;
        if (services.GetService<IActivityMetrics>() is not { } metrics) return new EffectView(key, null, null, null);
        var before = await metrics.ForAsync(a.SourceActivityId, ct) is { } m1 ? MetricKeys.ValueOf(m1, key) : null;
        var after = await metrics.ForAsync(applied.Id, ct) is { } m2 ? MetricKeys.ValueOf(m2, key) : null;
        return new EffectView(key, before, after, Compare(key, before, after));
    }

    public static string? Compare(string key, double? before, double? after)
    {
        if (before is not { } b || after is not { } x) return null;
        if (Math.Abs(x - b) < 1e-9) return "unchanged";
        return (x > b) == MetricKeys.HigherIsBetter(key) ? "improved" : "worse";
    }
}
