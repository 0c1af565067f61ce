using Huodong.Web.Data;
using Huodong.Web.Participation;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation;

/// <summary>
/// Who took part in an activity (V1.1), the one definition the metrics, the surveys' "participants" audience and the
/// satisfaction survey at the end share: members with a confirmed registration, an accepted submission or reply, or
/// a completed task of the activity. Cancelled, waitlisted and disqualified registrations do not count.
/// </summary>
public static class ActivityParticipants
{
    public static IQueryable<Guid> Of(HuodongDb db, Guid activityId) =>
        Confirmed(db, activityId).Select(r => r.MemberId).Union(ByWork(db, activityId));

    /// <summary>The same count as <see cref="Of"/> without building the set: the confirmed registrations (an index
    /// count), plus those who took part by their work without registering.</summary>
    public static async Task<int> CountAsync(HuodongDb db, Guid activityId, CancellationToken ct)
    {
        var confirmed = Confirmed(db, activityId);
        return await confirmed.CountAsync(ct)
            + await ByWork(db, activityId).Where(m => !confirmed.Any(r => r.MemberId == m)).CountAsync(ct);
    }

    private static IQueryable<Registration> Confirmed(HuodongDb db, Guid activityId) =>
        db.Registrations.Where(r => r.ActivityId == activityId && r.Status == RegistrationStatus.Confirmed);

    private static IQueryable<Guid> ByWork(HuodongDb db, Guid activityId) =>
        db.Submissions.Where(s => s.ActivityId == activityId && s.Status == SubmissionStatus.Accepted).Select(s => s.MemberId)
            .Union(db.CompletedTasks.Where(t => t.ActivityId == activityId).Select(t => t.MemberId));
}
