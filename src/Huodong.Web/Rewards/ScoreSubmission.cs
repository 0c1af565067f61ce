using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

public sealed record ScoreInput(Dictionary<string, int>? Criteria);

/// <summary>
/// A judge scores an accepted submission with the <see cref="Rubric"/> (Ranking rewards). Judges are the activity's
/// team and the community head. "Own team" (issue 6): a judge never scores their own submission, nor one by anyone on
/// the activity's planning team — staff who took part in their own activity cannot be favoured by colleagues (G3.2);
/// such entries are also left out of the ranking. Scoring is open while the activity runs and after it ends, until the
/// results are published; a judge's second score of the same submission corrects the first. Audited.
/// </summary>
public sealed class ScoreSubmission(HuodongDb db, AuditLog audit, TimeProvider time)
{
    public static bool IsJudge(Actor actor, Activity a) =>
        actor.IsSignedIn && actor.IsStaff && (a.IsOnTeam(actor.Id) || actor.Is(Roles.CommunityHead));

    public async Task<Result<Score>> ExecuteAsync(Actor actor, Guid submissionId, ScoreInput input, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null) return AwardErrors.SubmissionNotFound;
        var activity = await AwardAccess.ActivityAsync(db, submission.ActivityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return AwardErrors.SubmissionNotFound;
        if (!IsJudge(actor, activity)) return Error.Forbidden;
        if (submission.MemberId == actor.Id || activity.IsOnTeam(submission.MemberId)) return AwardErrors.OwnTeam;
        if (submission.Status != Participation.SubmissionStatus.Accepted
            || activity.Status is not (ActivityStatus.Live or ActivityStatus.Paused or ActivityStatus.Ended))
            return AwardErrors.NotScorable;
        var total = Rubric.Total(input.Criteria);
        if (!total.IsOk) return total.Error!;

        var now = time.UtcNow();
        var score = await db.Set<Score>().FirstOrDefaultAsync(s => s.SubmissionId == submissionId && s.JudgeId == actor.Id, ct);
        if (score is null)
        {
            score = new Score(activity.Id, submissionId, submission.MemberId, actor.Id, input.Criteria!, total.Value, now);
            db.Add(score);
        }
        else score.Correct(input.Criteria!, total.Value, now);
        await audit.AppendAsync(actor.Id, "submission.scored", "submission", submissionId.ToString(),
            new { activityId = activity.Id, marks = score.Marks, total = score.Total }, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return AwardErrors.ConcurrentChange; // the same judge scored the same submission twice at once
        }
        return score;
    }
}
