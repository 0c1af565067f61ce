using Huodong.Web.Conduct;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>
/// E2.3: members and staff talk in an activity's discussion. Members ask questions; a staff reply is the official
/// answer and tells the asker. Likes count once per member. Every action is an activity event (E2.4).
/// </summary>
public sealed class Discussion(HuodongDb db, TimeProvider time, ContentScreen screen)
{
    public const int MaxBody = 5000;

    public static readonly Error CommentNotFound = Error.NotFound("Comment");
    public static readonly Error NotOpen = new(ErrorKind.BusinessRule, "discussion-closed",
        "The discussion of this activity is closed.");

    public async Task<Result<Comment>> PostAsync(Actor actor, Guid activityId, string? body, Guid? parentId, bool isQuestion,
        CancellationToken ct)
    {
        if (!actor.IsSignedIn) return Error.Forbidden;
        var activity = await db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity) || !activity.IsPublished) return ActivityErrors.NotFound;
        var isStaff = actor.IsStaff;
        if (!isStaff && !actor.Is(Roles.Member)) return Error.Forbidden;

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body)) errors["body"] = ["Required."];
        else if (body.Length > MaxBody) errors["body"] = ["Must be at most 5,000 characters."];
        Comment? parent = null;
        if (parentId is { } pid)
        {
            parent = await db.Comments.FirstOrDefaultAsync(c => c.Id == pid && c.ActivityId == activityId, ct);
            if (parent is null) errors["parentId"] = ["No comment of this activity has this id."];
        }
        if (errors.Count > 0) return Error.Validation(errors);
        if (activity.Status is ActivityStatus.Cancelled or ActivityStatus.Closed) return NotOpen;
        if (!isStaff && await Members.SuspensionOfAsync(db, actor.Id, time.GetUtcNow(), ct) is { } suspended) return suspended;
        // M3.2: members' words go through the conduct filter; staff speak officially and are not screened.
        var screening = isStaff ? null : await screen.CheckAsync(actor.Id, body!, isPost: true, ct);
        if (screening is { Blocked: true }) return screening.Refusal;

        var now = time.UtcNow();
        var comment = new Comment(activityId, actor.Id, parentId, body!.Trim(), isQuestion && !isStaff && parent is null, isStaff, now);
        if (screening is { Held: true }) comment.Hold();
        db.Comments.Add(comment);
        if (screening is not null)
            await screen.RecordAsync(screening, actor.Id, CaseSubject.Comment, comment.Id, activityId, comment.Body, ct);
        var kind = comment.IsQuestion ? ActivityEventKind.Questioned : ActivityEventKind.Commented;
        if (isStaff && parent is { IsQuestion: true })
        {
            kind = ActivityEventKind.Answered;
            if (parent.AnsweredAt is null)
                Notifier.Notify(db, parent.AuthorId, NotificationKind.QuestionAnswered, activityId, activity.Title, now);
            parent.MarkAnswered(now);
        }
        db.ActivityEvents.Add(new ActivityEvent(activityId, actor.Id, kind, now, comment.Id));
        if (!isStaff)
        {
            await TaskProgress.CompleteAsync(db, Guid.Empty, actor.Id, PlatformTasks.FirstPost, "detected", null, now, ct);
            await TaskProgress.DetectAsync(db, activity, actor.Id, TaskDetection.Comment, now, ct);
            if (comment.IsQuestion) await TaskProgress.DetectAsync(db, activity, actor.Id, TaskDetection.Question, now, ct);
        }
        await db.SaveChangesAsync(ct);
        return comment;
    }

    /// <summary>Likes a comment once; a second like changes nothing. Returns the new like count.</summary>
    public async Task<Result<int>> LikeAsync(Actor actor, Guid commentId, bool like, CancellationToken ct)
    {
        if (!actor.IsSignedIn) return Error.Forbidden;
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null) return CommentNotFound;
        var activity = await db.Activities.AsNoTracking().Include(a => a.Team).FirstAsync(a => a.Id == comment.ActivityId, ct);
        if (!PlanningPermissions.CanSee(actor, activity)) return CommentNotFound;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.UtcNow();
        var exists = await db.CommentLikes.AnyAsync(l => l.CommentId == commentId && l.MemberId == actor.Id, ct);
        if (like && !exists)
        {
            db.CommentLikes.Add(new CommentLike(commentId, actor.Id, now));
            db.ActivityEvents.Add(new ActivityEvent(activity.Id, actor.Id, ActivityEventKind.Liked, now, commentId));
            await TaskProgress.DetectAsync(db, activity, actor.Id, TaskDetection.Like, now, ct);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                await tx.RollbackAsync(ct); // the same member's other like raced in first
                db.ChangeTracker.Clear();
                return await CountAsync(commentId, ct);
            }
            await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, c => c.LikeCount + 1), ct);
        }
        else if (!like && exists)
        {
            var removed = await db.CommentLikes.Where(l => l.CommentId == commentId && l.MemberId == actor.Id).ExecuteDeleteAsync(ct);
            if (removed == 1)
                await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, c => c.LikeCount - 1), ct);
        }
        await tx.CommitAsync(ct);
        return await CountAsync(commentId, ct);
    }

    private Task<int> CountAsync(Guid commentId, CancellationToken ct) =>
        db.Comments.Where(c => c.Id == commentId).Select(c => c.LikeCount).FirstAsync(ct);
}
