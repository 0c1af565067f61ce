using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>Task mode: the team or a moderator confirms (or refuses) a member's evidence that a task is done.</summary>
public sealed class DecideSubmission(HuodongDb db, AuditLog audit, TimeProvider time)
{
    public static readonly Error AlreadyDecided = new(ErrorKind.Conflict, "already-decided", "This submission was already decided.");

    public async Task<Result<Submission>> ExecuteAsync(Actor actor, Guid submissionId, bool accept, string? note, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null) return Error.NotFound("Submission");
        var activity = await db.Activities.AsNoTracking().Include(a => a.Team).FirstAsync(a => a.Id == submission.ActivityId, ct);
        if (!actor.IsSignedIn || !(activity.IsOnTeam(actor.Id) || actor.Is(Roles.Moderator))) return Error.Forbidden;
        if (!accept && string.IsNullOrWhiteSpace(note)) return ActivityErrors.ReasonRequired;

        var now = time.UtcNow();
        if (!submission.Decide(accept, actor.Id, note?.Trim(), now)) return AlreadyDecided;
        var taskTitle = activity.ApprovedPlan?.Participation?.Tasks?.FirstOrDefault(t => t?.Key == submission.TaskKey)?.Title
                        ?? submission.TaskKey ?? "";
        if (accept && submission.TaskKey is { } key)
        {
            await TaskProgress.CompleteAsync(db, activity.Id, submission.MemberId, key, "confirmed", actor.Id, now, ct);
            Notifier.Notify(db, submission.MemberId, NotificationKind.TaskConfirmed, activity.Id, activity.Title, now, taskTitle);
        }
        else if (!accept)
            Notifier.Notify(db, submission.MemberId, NotificationKind.TaskRejected, activity.Id, activity.Title, now, taskTitle, note!.Trim());
        await audit.AppendAsync(actor.Id, accept ? "submission.accepted" : "submission.rejected", "submission",
            submission.Id.ToString(), new { activityId = activity.Id, taskKey = submission.TaskKey }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return submission;
    }
}
