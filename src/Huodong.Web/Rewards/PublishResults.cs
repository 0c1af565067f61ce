using System.Text.Json;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

/// <summary>A winner as published: masked name and code, never the account or contact details.</summary>
public sealed record PublishedWinner(string RewardName, RewardKind Kind, RewardRule Rule, int Rank, string Code, string MaskedName,
    Guid? DrawId, decimal? Score, Guid? AwardId, Guid MemberId);

/// <summary>E3.1 statistics: participants (confirmed registrations), submissions, interactions (comments and likes).</summary>
public sealed record ResultsStatistics(int Participants, int Registrations, int Submissions, int AcceptedSubmissions,
    int Comments, int Likes, int Interactions);

/// <summary>
/// E3.1: the team publishes an ended activity's results. Winners are chosen by each reward's rule
/// (<see cref="Winners"/>); physical prizes are bound to the prize stock in hand, never more awards than prizes (the
/// shortage is published); one <see cref="Award"/> per winner and reward; the statistics are frozen; each awarded
/// winner gets a notification (one beyond the stock is told the prize is out of stock for now); the activity moves Ended → ResultsPublished. All in one transaction, audited.
/// </summary>
public sealed class PublishResults(ActivityStore store, Winners winners, AuditLog audit, FieldProtector protector, TimeProvider time)
{
    public Task<Result<ResultsPublication>> ExecuteAsync(Actor actor, Guid activityId, CancellationToken ct) =>
        store.InTransactionAsync<ResultsPublication>(async () =>
        {
            var db = store.Db;
            var activity = await store.FindAsync(activityId, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (!ResultsPermissions.CanDraw(actor, activity)) return Error.Forbidden;
            if (activity.Status != ActivityStatus.Ended) return AwardErrors.WrongActivityState(activity.Status);
            var now = time.UtcNow();
            var moved = activity.PublishResults(actor.Id, now);
            if (!moved.IsOk) return moved.Error!;

            var chosen = await winners.ChooseAsync(activity, ct);
            var stock = await winners.StockAsync(activityId, ct);
            var names = await winners.MaskedNamesAsync(activityId, chosen.Select(w => w.MemberId), protector, ct);
            var plan = activity.ApprovedPlan!;
            var shortages = new List<StockShortage>();
            var published = new List<PublishedWinner>();
            foreach (var group in chosen.GroupBy(w => w.RewardName))
            {
                var reward = plan.Rewards.First(r => r.Name == group.Key);
                var limit = int.MaxValue;
                if (reward.Kind == RewardKind.Physical)
                {
                    limit = stock.GetValueOrDefault(reward.Name.Trim());
                    if (group.Count() > limit) shortages.Add(new StockShortage(reward.Name, group.Count(), limit));
                }
                foreach (var w in group)
                {
                    Award? award = null;
                    if (w.Rank <= limit)
                    {
                        award = new Award(activityId, w.RewardName, w.Kind, w.Rule, reward.UnitValue, w.Rank, w.MemberId, w.Code, w.DrawId, w.Score, now);
                        db.Add(award);
                        await AwardLog.AppendAsync(audit, actor.Id, "award.created", award, ct);
                        Notifier.Notify(db, w.MemberId, NotificationKind.AwardWon, activityId, activity.Title, now, w.RewardName);
                    }
                    else Notifier.Notify(db, w.MemberId, NotificationKind.WonAwaitingStock, activityId, activity.Title, now, w.RewardName);
                    published.Add(new PublishedWinner(w.RewardName, w.Kind, w.Rule, w.Rank, w.Code, names.GetValueOrDefault(w.MemberId, "*"),
                        w.DrawId, w.Score, award?.Id, w.MemberId));
                }
            }
            var stats = await StatisticsAsync(db, activityId, ct);
            var publication = new ResultsPublication(activityId, JsonSerializer.Serialize(published), JsonSerializer.Serialize(stats),
                JsonSerializer.Serialize(shortages), actor.Id, now);
            db.Add(publication);
            await audit.AppendAsync(actor.Id, "results.published", "activity", activityId.ToString(), new
            {
                winners = published.Select(p => new { p.RewardName, p.Rank, p.Code, p.AwardId }),
                statistics = stats, shortages,
            }, ct);
            return publication;
        }, ct);

    public static async Task<ResultsStatistics> StatisticsAsync(HuodongDb db, Guid activityId, CancellationToken ct)
    {
        var participants = await db.Registrations.CountAsync(r => r.ActivityId == activityId && r.Status == RegistrationStatus.Confirmed, ct);
        var registrations = await db.Registrations.CountAsync(r => r.ActivityId == activityId, ct);
        var submissions = await db.Submissions.CountAsync(s => s.ActivityId == activityId, ct);
        var accepted = await db.Submissions.CountAsync(s => s.ActivityId == activityId && s.Status == SubmissionStatus.Accepted, ct);
        var comments = await db.Comments.CountAsync(c => c.ActivityId == activityId, ct);
        var likes = await db.CommentLikes.CountAsync(l => db.Comments.Any(c => c.Id == l.CommentId && c.ActivityId == activityId), ct);
        return new ResultsStatistics(participants, registrations, submissions, accepted, comments, likes, submissions + comments + likes);
    }
}

/// <summary>Every award change is audited (E3.2 "open and transparent") with the same shape of entry.</summary>
public static class AwardLog
{
    public static Task AppendAsync(AuditLog audit, Guid actorId, string code, Award a, CancellationToken ct, object? extra = null) =>
        audit.AppendAsync(actorId, code, "award", a.Id.ToString(), new
        {
            activityId = a.ActivityId, a.RewardName, kind = a.Kind.ToString(), rule = a.Rule.ToString(), a.Rank, a.Code,
            status = a.Status.ToString(), a.DrawId, a.TrackingNumber, a.CouponCode, a.VoidReason, extra,
        }, ct);
}
