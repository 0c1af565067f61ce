using System.Text.Json;
using Huodong.Web.Audit;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

/// <summary>
/// A forfeited prize during delivery (E3.2, DRAW.md "a forfeited prize is a new draw"): after the team voids an award
/// and a redraw is revealed, the redraw's winners receive the reward at the next places — still Confirmed members only,
/// never someone who already holds that reward, and for a physical prize never beyond the stock in hand. The new
/// winners are added to the published results, notified, and each award is audited.
/// </summary>
public sealed class AwardRedraw(ActivityStore store, Winners winners, AuditLog audit, FieldProtector protector, TimeProvider time)
{
    public static readonly Error NotARedraw = new(ErrorKind.Conflict, "not-a-redraw",
        "Only a revealed redraw of a published activity gives new awards; the original draw's winners were awarded at publication.");

    public Task<Result<List<Award>>> ExecuteAsync(Actor actor, Guid drawId, CancellationToken ct) =>
        store.InTransactionAsync<List<Award>>(async () =>
        {
            var db = store.Db;
            var draw = await db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == drawId, ct);
            if (draw is null) return DrawErrors.NotFound;
            var activity = await store.FindAsync(draw.ActivityId, ct); // locks the activity: places are numbered in turn
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return DrawErrors.NotFound;
            if (!ResultsPermissions.CanDraw(actor, activity)) return Error.Forbidden;
            if (draw.RedrawOf is null || draw.Status != DrawStatus.Revealed || activity.Status != ActivityStatus.ResultsPublished)
                return NotARedraw;
            var original = await db.Draws.AsNoTracking().FirstAsync(d => d.Id == draw.RedrawOf, ct);
            var rewards = activity.ApprovedPlan?.Rewards ?? [];
            var reward = rewards.FirstOrDefault(r => r.Rule == RewardRule.Draw && r.Name == (original.RewardName ?? draw.RewardName))
                         ?? (rewards.Count(r => r.Rule == RewardRule.Draw) == 1 ? rewards.First(r => r.Rule == RewardRule.Draw) : null);
            if (reward is null) return NotARedraw;

            var existing = await db.Set<Award>().Where(a => a.ActivityId == activity.Id && a.RewardName == reward.Name).ToListAsync(ct);
            var holders = existing.Where(a => a.Status != AwardStatus.Voided).Select(a => a.MemberId).ToHashSet();
            var places = reward.Kind == RewardKind.Physical
                ? Math.Min(reward.Quantity, (await winners.StockAsync(activity.Id, ct)).GetValueOrDefault(reward.Name.Trim()))
                : reward.Quantity;
            var confirmed = await db.Registrations.AsNoTracking()
                .Where(r => r.ActivityId == activity.Id && r.Status == RegistrationStatus.Confirmed)
                .ToDictionaryAsync(r => Registration.CodeFor(r.Number), r => r.MemberId, StringComparer.Ordinal, ct);
            var publication = await db.Set<ResultsPublication>().FirstAsync(p => p.ActivityId == activity.Id, ct);
            var published = JsonSerializer.Deserialize<List<PublishedWinner>>(publication.WinnersJson)!;
            var now = time.UtcNow();
            var rank = existing.Count == 0 ? 0 : existing.Max(a => a.Rank);
            var added = new List<Award>();
            foreach (var code in draw.Winners ?? [])
            {
                if (!confirmed.TryGetValue(code, out var member) || holders.Contains(member)) continue;
                if (holders.Count >= places) break;
                var award = new Award(activity.Id, reward.Name, reward.Kind, reward.Rule, reward.UnitValue, ++rank, member, code, draw.Id, null, now);
                db.Add(award);
                holders.Add(member);
                added.Add(award);
                await AwardLog.AppendAsync(audit, actor.Id, "award.created", award, ct, new { redraw = draw.Id });
                Notifier.Notify(db, member, NotificationKind.AwardWon, activity.Id, activity.Title, now, reward.Name);
                var masked = (await winners.MaskedNamesAsync(activity.Id, [member], protector, ct)).GetValueOrDefault(member, "*");
                published.Add(new PublishedWinner(reward.Name, reward.Kind, reward.Rule, award.Rank, code, masked, draw.Id, null, award.Id, member));
            }
            publication.AddWinners(JsonSerializer.Serialize(published));
            return added;
        }, ct);
}
