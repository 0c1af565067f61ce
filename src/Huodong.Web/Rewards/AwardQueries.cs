using System.Text.Json;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

public sealed record WinnerView(string RewardName, RewardKind Kind, RewardRule Rule, int Rank, string Code, string MaskedName,
    Guid? DrawId, string? DrawUrl, decimal? Score, Guid? AwardId);

public sealed record DrawLink(Guid Id, int Number, DrawStatus Status, string Url);

/// <summary>How the winners of one reward were chosen (G3.2: the rule is stated with the result).</summary>
public sealed record RewardOutcome(string RewardName, RewardKind Kind, RewardRule Rule, int Quantity, int Winners, string How,
    IReadOnlyList<DrawLink> Draws);

public sealed record ResultsView(Guid ActivityId, string Title, ActivityStatus Status, DateTimeOffset PublishedAt,
    IReadOnlyList<WinnerView> Winners, IReadOnlyList<RewardOutcome> Rewards, ResultsStatistics Statistics,
    IReadOnlyList<StockShortage> Shortages);

/// <summary>
/// One award as its reader may see it. Everyone: reward, code, masked name, state and dates (the public delivery log).
/// The team and the winner also: tracking number and masked address; the winner alone: the coupon code.
/// </summary>
public sealed record AwardView(Guid Id, Guid ActivityId, string RewardName, RewardKind Kind, RewardRule Rule, int Rank,
    string Code, string MaskedName, AwardStatus Status, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Overdue,
    DateTimeOffset? DeliveredAt, DateTimeOffset? ConfirmedAt, string? VoidReason, bool? HasAddress, string? Address,
    string? TrackingNumber, string? CouponCode, string? Note, bool IsMine);

public sealed record AwardList(IReadOnlyList<AwardView> Items, int Total, int Overdue, IReadOnlyList<StockShortage> Shortages,
    IReadOnlyDictionary<string, int> FreeCoupons);

/// <summary>Reads published results and awards. Results and the delivery log are public once published (E3.1, E3.2).</summary>
public sealed class AwardQueries(HuodongDb db, AwardChanges changes, Winners winners, TimeProvider time)
{
    public const string RankingHow = "Judges scored accepted submissions with a rubric (relevance, quality, creativity, 0–10 each); scores are averaged across judges. " + Ranking.TieRule;
    public const string CompletersHow = "Everyone who completed the activity (every task, an accepted reply, or a confirmed registration, as the participation method asks), in the order they completed it, while the reward lasts.";
    public const string DrawHow = "A verifiable draw (huodong-draw-v1) among confirmed registrations; anyone can recompute the winners.";

    public async Task<Result<ResultsView>> ResultsAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await AwardAccess.ActivityAsync(db, activityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
        var publication = await db.Set<ResultsPublication>().AsNoTracking().FirstOrDefaultAsync(p => p.ActivityId == activityId, ct);
        if (publication is null) return AwardErrors.NotPublished;
        var published = JsonSerializer.Deserialize<List<PublishedWinner>>(publication.WinnersJson)!;
        var draws = await db.Draws.AsNoTracking().Where(d => d.ActivityId == activityId).OrderBy(d => d.Number)
            .Select(d => new { d.Id, d.Number, d.Status, d.RewardName }).ToListAsync(ct);
        var rewards = activity.ApprovedPlan?.Rewards ?? [];
        var onlyDraw = rewards.Count(r => r.Rule == RewardRule.Draw) == 1;
        var outcomes = rewards.Select(r => new RewardOutcome(r.Name, r.Kind, r.Rule, r.Quantity, published.Count(w => w.RewardName == r.Name),
            r.Rule switch { RewardRule.Ranking => RankingHow, RewardRule.AllCompleters => CompletersHow, _ => DrawHow },
            r.Rule != RewardRule.Draw ? [] : draws.Where(d => d.RewardName == r.Name || (onlyDraw && d.RewardName == null))
                .Select(d => new DrawLink(d.Id, d.Number, d.Status, $"/draws/{d.Id}")).ToList())).ToList();
        return new ResultsView(activityId, activity.Title, activity.Status, publication.PublishedAt,
            published.Select(w => new WinnerView(w.RewardName, w.Kind, w.Rule, w.Rank, w.Code, w.MaskedName, w.DrawId,
                w.DrawId is { } d ? $"/draws/{d}" : null, w.Score, w.AwardId)).ToList(),
            outcomes, JsonSerializer.Deserialize<ResultsStatistics>(publication.StatisticsJson)!,
            JsonSerializer.Deserialize<List<StockShortage>>(publication.ShortagesJson)!);
    }

    public async Task<Result<AwardList>> ListAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await AwardAccess.ActivityAsync(db, activityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
        var publication = await db.Set<ResultsPublication>().AsNoTracking().FirstOrDefaultAsync(p => p.ActivityId == activityId, ct);
        if (publication is null) return AwardErrors.NotPublished;
        var names = JsonSerializer.Deserialize<List<PublishedWinner>>(publication.WinnersJson)!
            .Where(w => w.AwardId is not null).ToDictionary(w => w.AwardId!.Value, w => w.MaskedName);
        var awards = await db.Set<Award>().AsNoTracking().Where(a => a.ActivityId == activityId).ToListAsync(ct);
        var team = ResultsPermissions.CanDraw(actor, activity);
        var now = time.GetUtcNow();
        var items = awards.OrderBy(a => a.RewardName, StringComparer.Ordinal).ThenBy(a => a.Rank)
            .Select(a => View(a, names.GetValueOrDefault(a.Id, "*"), team, actor.UserId == a.MemberId, now)).ToList();
        var free = team
            ? await db.Set<CouponCode>().AsNoTracking().Where(c => c.ActivityId == activityId && c.AwardId == null)
                .GroupBy(c => c.RewardName).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)
            : new Dictionary<string, int>();
        return new AwardList(items, items.Count, items.Count(i => i.Overdue),
            JsonSerializer.Deserialize<List<StockShortage>>(publication.ShortagesJson)!, free);
    }

    /// <summary>The signed-in member's awards across activities, newest first, with the activity's title.</summary>
    public async Task<List<(AwardView Award, string Title)>> MineAsync(Actor actor, CancellationToken ct)
    {
        var mine = await db.Set<Award>().AsNoTracking().Where(a => a.MemberId == actor.Id)
            .Join(db.Activities, a => a.ActivityId, x => x.Id, (a, x) => new { a, x.Title }).ToListAsync(ct);
        var now = time.GetUtcNow();
        return mine.OrderByDescending(m => m.a.CreatedAt).Select(m => (View(m.a, "", false, true, now), m.Title)).ToList();
    }

    public async Task<Result<List<RankedMember>>> RankingAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await AwardAccess.ActivityAsync(db, activityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
        if (!ScoreSubmission.IsJudge(actor, activity)) return Error.Forbidden;
        return await winners.RankAsync(activity, ct);
    }

    private AwardView View(Award a, string maskedName, bool team, bool mine, DateTimeOffset now)
    {
        var insider = team || mine;
        return new AwardView(a.Id, a.ActivityId, a.RewardName, a.Kind, a.Rule, a.Rank, a.Code, maskedName, a.Status, a.CreatedAt,
            a.DueAt, a.IsOverdue(now), a.DeliveredAt, a.ConfirmedAt, a.VoidReason,
            insider && a.Kind == RewardKind.Physical ? a.ShippingAddress is not null : null,
            insider ? changes.AddressOf(a)?.Masked() : null,
            insider ? a.TrackingNumber : null, mine ? a.CouponCode : null, insider ? a.DeliveryNote : null, mine);
    }
}

/// <summary>An accepted submission a judge may score, with the judge's own marks if they scored it.</summary>
public sealed record ScorableView(Guid SubmissionId, string Code, string Content, DateTimeOffset SubmittedAt, int Judges,
    IReadOnlyDictionary<string, int>? MyMarks);

public static class ScorableQuery
{
    /// <summary>The accepted submissions of confirmed members not on the team, oldest first (at most 200).</summary>
    public static async Task<List<ScorableView>> ListAsync(HuodongDb db, Actor actor, Activity activity, CancellationToken ct)
    {
        var team = activity.Team.Select(t => t.UserId).ToList();
        var rows = await db.Submissions.AsNoTracking()
            .Where(s => s.ActivityId == activity.Id && s.Status == Participation.SubmissionStatus.Accepted && !team.Contains(s.MemberId))
            .Join(db.Registrations.Where(r => r.ActivityId == activity.Id && r.Status == Participation.RegistrationStatus.Confirmed),
                s => s.MemberId, r => r.MemberId, (s, r) => new { s.Id, r.Number, s.Content, s.CreatedAt })
            .OrderBy(s => s.CreatedAt).Take(200).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var scores = await db.Set<Score>().AsNoTracking().Where(s => ids.Contains(s.SubmissionId)).ToListAsync(ct);
        return rows.Select(r => new ScorableView(r.Id, Participation.Registration.CodeFor(r.Number),
            r.Content.Length > 140 ? r.Content[..140] + "…" : r.Content, r.CreatedAt,
            scores.Count(s => s.SubmissionId == r.Id),
            scores.FirstOrDefault(s => s.SubmissionId == r.Id && s.JudgeId == actor.UserId)?.Marks)).ToList();
    }
}
