using Huodong.Web.Conduct;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Participation;

/// <summary>
/// M2.1 while Live, for confirmed registrants: a reply is accepted when it meets the plan's rule; task evidence
/// waits for staff; an entry of a registration-mode activity is accepted as handed in.
/// </summary>
public sealed class SubmitEntry(HuodongDb db, TimeProvider time, ContentScreen screen, Conduct.Cheating.PlagiarismCheck plagiarism)
{
    public const int MaxLength = 10_000;

    public static readonly Error NotLive = new(ErrorKind.BusinessRule, "not-live", "Submissions are accepted only while the activity is live.");
    public static readonly Error Paused = new(ErrorKind.BusinessRule, "paused", "The activity is paused for now; try again when it resumes.");
    public static readonly Error NotRegistered = new(ErrorKind.BusinessRule, "not-registered", "Register (and be confirmed) before taking part.");
    public static Error ReplyRule(string key, object[] args) => new(ErrorKind.BusinessRule, "reply-rule", key, args);

    public async Task<Result<Submission>> ExecuteAsync(Actor actor, Guid activityId, string? content, string? taskKey, CancellationToken ct)
    {
        if (!actor.Is(Roles.Member)) return ParticipationErrors.MembersOnly;
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !activity.IsPublished) return ActivityErrors.NotFound;

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(content)) errors["content"] = ["Required."];
        else if (content.Length > MaxLength) errors["content"] = ["Must be at most 10,000 characters."];
        var participation = activity.ApprovedPlan!.Participation ?? new ParticipationPlan();
        var task = participation.Tasks?.FirstOrDefault(t => t?.Key == taskKey);
        if (participation.Method == ParticipationMethod.Tasks && task is null)
            errors["taskKey"] = [string.IsNullOrEmpty(taskKey) ? "Required." : "No task of the plan has this key."];
        if (errors.Count > 0) return Error.Validation(errors);

        if (activity.Status == ActivityStatus.Paused) return Paused;
        if (activity.Status != ActivityStatus.Live) return NotLive;
        if (await Members.SuspensionOfAsync(db, actor.Id, time.GetUtcNow(), ct) is { } suspended) return suspended;
        if (!await db.Registrations.AnyAsync(r => r.ActivityId == activityId && r.MemberId == actor.Id
                && r.Status == RegistrationStatus.Confirmed, ct)) return NotRegistered;

        var now = time.UtcNow();
        var text = content!.Trim();
        // M3.2: a blocked entry is refused; a held one is stored but counts only once a moderator approves it.
        var screening = await screen.CheckAsync(actor.Id, text, isPost: true, ct);
        if (screening.Blocked) return screening.Refusal;
        if (participation.Method == ParticipationMethod.Reply
            && ReplyRules.Check(participation.ReplyRule, text) is { } refusal) return ReplyRule(refusal.Key, refusal.Args);
        Submission submission;
        if (screening.Held)
        {
            submission = new Submission(activityId, actor.Id, text, task?.Key, SubmissionStatus.Pending, now);
            submission.Hold();
        }
        else
        {
            switch (participation.Method)
            {
                case ParticipationMethod.Reply:
                    submission = new Submission(activityId, actor.Id, text, null, SubmissionStatus.Accepted, now);
                    db.ActivityEvents.Add(new ActivityEvent(activityId, actor.Id, ActivityEventKind.ReplyAccepted, now, submission.Id));
                    Notifier.Notify(db, actor.Id, NotificationKind.ReplyAccepted, activityId, activity.Title, now);
                    await TaskProgress.DetectAsync(db, activity, actor.Id, TaskDetection.Reply, now, ct);
                    break;
                case ParticipationMethod.Tasks:
                    submission = new Submission(activityId, actor.Id, text, task!.Key, SubmissionStatus.Pending, now);
                    break;
                default:
                    submission = new Submission(activityId, actor.Id, text, null, SubmissionStatus.Accepted, now);
                    break;
            }
        }
        db.Submissions.Add(submission);
        await screen.RecordAsync(screening, actor.Id, CaseSubject.Submission, submission.Id, activityId, text, ct);
        db.ActivityEvents.Add(new ActivityEvent(activityId, actor.Id, ActivityEventKind.Submitted, now, submission.Id));
        // M3.3: a near-duplicate of an earlier submission by another member opens a case (the entry still stands).
        if (!screening.Held) await plagiarism.RecordAsync(submission, ct);
        await db.SaveChangesAsync(ct);
        return submission;
    }
}
