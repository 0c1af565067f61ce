using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Summary;

/// <summary>The body of <c>GET /api/activities/{id}/summary</c>; <c>revisions</c> lists every saved version, newest first.</summary>
public sealed record SummaryView(Guid ActivityId, string Strengths, string Weaknesses, string FeedbackHighlights, int Version,
    PersonStamp Written, PersonStamp Updated, IReadOnlyList<RevisionView> Revisions);

public sealed record PersonStamp(Guid Id, string? Name, DateTimeOffset At);

public sealed record RevisionView(int Version, string Strengths, string Weaknesses, string FeedbackHighlights, PersonStamp By);

/// <summary>Reads of summaries, each applying <see cref="SummaryPermissions"/>: 404 for what the caller may not see, 403 otherwise.</summary>
public sealed class SummaryQueries(HuodongDb db)
{
    /// <summary>The activity, when the actor may read its summary.</summary>
    public async Task<Result<Activity>> ActivityAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
        if (!SummaryPermissions.CanRead(actor, activity)) return Error.Forbidden;
        return activity;
    }

    public async Task<Result<SummaryView>> GetAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await ActivityAsync(actor, activityId, ct);
        if (!activity.IsOk) return activity.Error!;
        return await ViewAsync(activityId, ct) is { } view ? view : SummaryErrors.NotFound;
    }

    /// <summary>The summary with its versions, or null when none is written yet (no permission check).</summary>
    public async Task<SummaryView?> ViewAsync(Guid activityId, CancellationToken ct)
    {
        var s = await db.Set<SummaryReview>().AsNoTracking().FirstOrDefaultAsync(x => x.ActivityId == activityId, ct);
        if (s is null) return null;
        var revisions = await db.Set<SummaryRevision>().AsNoTracking().Where(r => r.ActivityId == activityId)
            .OrderByDescending(r => r.Version).ToListAsync(ct);
        var ids = revisions.Select(r => r.ById).Append(s.WrittenById).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        PersonStamp Stamp(Guid id, DateTimeOffset at) => new(id, names.GetValueOrDefault(id), at);
        return new SummaryView(s.ActivityId, s.Strengths, s.Weaknesses, s.FeedbackHighlights, s.Version,
            Stamp(s.WrittenById, s.WrittenAt), Stamp(s.UpdatedById, s.UpdatedAt),
            revisions.Select(r => new RevisionView(r.Version, r.Strengths, r.Weaknesses, r.FeedbackHighlights, Stamp(r.ById, r.At))).ToList());
    }

    public Task<bool> IsWrittenAsync(Guid activityId, CancellationToken ct) =>
        db.Set<SummaryReview>().AnyAsync(s => s.ActivityId == activityId, ct);
}
