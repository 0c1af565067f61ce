using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>Reads of the discussion, submissions, live counts and a member's own participation.</summary>
public sealed class InteractionQueries(HuodongDb db, ActivityQueries activities)
{
    public async Task<Result<Page<CommentView>>> CommentsAsync(Actor actor, Guid activityId, Paging paging, CancellationToken ct)
    {
        var found = await activities.GetAsync(actor, activityId, ct);
        if (!found.IsOk) return found.Error!;
        var me = actor.UserId ?? Guid.Empty;
        // Held comments (M3.2) are seen by their author only; removed ones by nobody.
        var q = db.Comments.AsNoTracking().Where(c => c.ActivityId == activityId && c.RemovedAt == null && (!c.IsHeld || c.AuthorId == me));
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(c => c.CreatedAt).Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new CommentView(c.Id, c.ParentId, c.AuthorId, u.DisplayName,
                c.Body, c.IsQuestion, c.IsOfficial, c.AnsweredAt, c.LikeCount,
                db.CommentLikes.Any(l => l.CommentId == c.Id && l.MemberId == me), c.CreatedAt, c.IsHeld))
            .ToListAsync(ct);
        return new Page<CommentView>(items, total);
    }

    /// <summary>Questions staff have not answered yet, oldest first (E2.3: answer promptly).</summary>
    public async Task<Result<List<CommentView>>> UnansweredAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var found = await activities.GetAsync(actor, activityId, ct);
        if (!found.IsOk) return found.Error!;
        if (!CanWatch(actor, found.Value!)) return Error.Forbidden;
        return await db.Comments.AsNoTracking()
            .Where(c => c.ActivityId == activityId && c.IsQuestion && c.AnsweredAt == null && !c.IsHeld && c.RemovedAt == null)
            .OrderBy(c => c.CreatedAt)
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new CommentView(c.Id, c.ParentId, c.AuthorId, u.DisplayName,
                c.Body, c.IsQuestion, c.IsOfficial, c.AnsweredAt, c.LikeCount, false, c.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<Result<Page<SubmissionView>>> SubmissionsAsync(Actor actor, Guid activityId, SubmissionStatus? status,
        Paging paging, CancellationToken ct)
    {
        var found = await activities.GetAsync(actor, activityId, ct);
        if (!found.IsOk) return found.Error!;
        if (!CanWatch(actor, found.Value!)) return Error.Forbidden;
        var q = db.Submissions.AsNoTracking().Where(s => s.ActivityId == activityId);
        if (status is { } st) q = q.Where(s => s.Status == st);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(s => s.CreatedAt).Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Users, s => s.MemberId, u => u.Id, (s, u) => new SubmissionView(s.Id, s.MemberId, u.DisplayName,
                s.Content, s.TaskKey, s.Status, s.CreatedAt, s.ReviewNote))
            .ToListAsync(ct);
        return new Page<SubmissionView>(items, total);
    }

    /// <summary>E2.4: the activity's counts so far, for its console page.</summary>
    public async Task<Result<ActivityCounts>> CountsAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var found = await activities.GetAsync(actor, activityId, ct);
        if (!found.IsOk) return found.Error!;
        if (!CanWatch(actor, found.Value!)) return Error.Forbidden;
        var byKind = await db.ActivityEvents.AsNoTracking().Where(e => e.ActivityId == activityId)
            .GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var seats = await db.ActivitySeats.AsNoTracking().FirstOrDefaultAsync(s => s.ActivityId == activityId, ct);
        var unanswered = await db.Comments.CountAsync(c => c.ActivityId == activityId && c.IsQuestion && c.AnsweredAt == null
            && !c.IsHeld && c.RemovedAt == null, ct);
        return new ActivityCounts(seats?.Confirmed ?? 0, seats?.Waitlisted ?? 0, seats?.Capacity,
            byKind.ToDictionary(k => k.Key.ToString(), k => k.Count), unanswered);
    }

    public static bool CanWatch(Actor actor, Activity a) =>
        actor.IsSignedIn && (a.IsOnTeam(actor.Id) || actor.Is(Roles.Moderator) || actor.Is(Roles.CommunityHead) || actor.Is(Roles.Admin));

    /// <summary><c>GET /api/me/activities</c>: my registrations, with my submissions in each.</summary>
    public async Task<List<MyActivity>> MineAsync(Guid memberId, CancellationToken ct)
    {
        var regs = await db.Registrations.AsNoTracking().Where(r => r.MemberId == memberId)
            .Join(db.Activities, r => r.ActivityId, a => a.Id, (r, a) => new
            {
                r.ActivityId, a.Title, a.Status, a.StartsAt, a.EndsAt, RegistrationStatus = r.Status, r.Number, r.CreatedAt,
            })
            .ToListAsync(ct);
        var subs = await db.Submissions.AsNoTracking().Where(s => s.MemberId == memberId)
            .Select(s => new MySubmission(s.Id, s.ActivityId, s.Content, s.TaskKey, s.Status, s.CreatedAt)).ToListAsync(ct);
        return regs.OrderByDescending(r => r.CreatedAt).Select(r => new MyActivity(r.ActivityId, r.Title, r.Status,
            r.StartsAt, r.EndsAt, r.RegistrationStatus, $"R{r.Number:000000}",
            subs.Where(s => s.ActivityId == r.ActivityId).OrderBy(s => s.CreatedAt).ToList())).ToList();
    }
}

public sealed record CommentView(Guid Id, Guid? ParentId, Guid AuthorId, string Author, string Body, bool IsQuestion,
    bool IsOfficial, DateTimeOffset? AnsweredAt, int Likes, bool LikedByMe, DateTimeOffset CreatedAt, bool Held = false);

public sealed record SubmissionView(Guid Id, Guid MemberId, string Member, string Content, string? TaskKey,
    SubmissionStatus Status, DateTimeOffset CreatedAt, string? ReviewNote);

public sealed record ActivityCounts(int Confirmed, int Waitlisted, int? Capacity, Dictionary<string, int> Events, int UnansweredQuestions);

public sealed record MySubmission(Guid Id, Guid ActivityId, string Content, string? TaskKey, SubmissionStatus Status, DateTimeOffset CreatedAt);

public sealed record MyActivity(Guid ActivityId, string Title, ActivityStatus Status, DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt, RegistrationStatus Registration, string Code, List<MySubmission> Submissions);
