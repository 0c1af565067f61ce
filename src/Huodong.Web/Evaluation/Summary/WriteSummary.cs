using Huodong.Web.Audit;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Summary;

/// <summary>
/// <c>PUT /api/activities/{id}/summary</c> and the summary page: the team writes or revises the summary between the
/// end and closing (E3.3). Each change is a new version and an audit entry; saving the same text records nothing.
/// </summary>
public sealed class WriteSummary(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public Task<Result<SummaryReview>> ExecuteAsync(Actor actor, Guid activityId, SummaryInput input, CancellationToken ct) =>
        store.InTransactionAsync<SummaryReview>(async () =>
        {
            var db = store.Db;
            var activity = await store.FindAsync(activityId, ct); // locked: a close cannot slip in between
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (!SummaryPermissions.CanWrite(actor, activity)) return Error.Forbidden;
            if (!SummaryPermissions.IsWritable(activity.Status)) return SummaryErrors.NotWritable;
            var text = SummaryReview.Validate(input);
            if (!text.IsOk) return text.Error!;

            var at = time.UtcNow();
            var summary = await db.Set<SummaryReview>().FirstOrDefaultAsync(s => s.ActivityId == activityId, ct);
            if (summary is null)
            {
                summary = SummaryReview.Write(activityId, text.Value!, actor.Id, at);
                db.Add(summary);
            }
            else if (!summary.Revise(text.Value!, actor.Id, at)) return summary;
            db.Add(new SummaryRevision(summary));
            await audit.AppendAsync(actor.Id, summary.Version == 1 ? "activity.summary.written" : "activity.summary.revised",
                "activity", activityId.ToString(), new { version = summary.Version }, ct);
            return summary;
        }, ct);
}
