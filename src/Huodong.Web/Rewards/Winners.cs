using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Preparation;
using Huodong.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

/// <summary>A winner of one reward as chosen by its rule, before prize stock is applied.</summary>
public sealed record Winner(string RewardName, RewardKind Kind, RewardRule Rule, int Rank, Guid MemberId, string Code,
    Guid? DrawId, decimal? Score);

/// <summary>A physical reward with fewer prizes in hand than winners (E1.2 materials, E3.2).</summary>
public sealed record StockShortage(string RewardName, int Winners, int InStock);

/// <summary>
/// Chooses the winners of each reward of the approved plan by its rule (A2.4, G3.2). Only members whose registration
/// is Confirmed can win: waitlisted, cancelled and disqualified members never do.
/// <list type="bullet">
/// <item><c>Ranking</c>: <see cref="Ranking"/> over the judges' scores of accepted submissions; the top <c>quantity</c>.</item>
/// <item><c>AllCompleters</c>: everyone who completed — every task of the plan in task mode, an accepted reply in
///   reply mode, a confirmed registration in registration mode — in the order they completed, up to <c>quantity</c>.</item>
/// <item><c>Draw</c>: the winners of the revealed draws for that reward (a redraw's after the original's), up to <c>quantity</c>.</item>
/// </list>
/// </summary>
public sealed class Winners(HuodongDb db)
{
    public async Task<List<Winner>> ChooseAsync(Activity activity, CancellationToken ct)
    {
        var plan = activity.ApprovedPlan;
        var rewards = plan?.Rewards ?? [];
        var eligible = await EligibleAsync(activity.Id, ct);
        var result = new List<Winner>();
        // Read once however many rewards share a rule; each reward then takes its quantity from the same order.
        List<RankedMember>? ranking = null;
        List<Guid>? completers = null;
        foreach (var reward in rewards)
        {
            IEnumerable<(Guid Member, Guid? Draw, decimal? Score)> chosen = reward.Rule switch
            {
                RewardRule.Ranking => (ranking ??= await RankAsync(activity, eligible, ct)).Select(r => (r.MemberId, (Guid?)null, (decimal?)r.Average)),
                RewardRule.AllCompleters => (completers ??= await CompletersAsync(activity, plan!, eligible, ct)).Select(m => (m, (Guid?)null, (decimal?)null)),
                _ => await DrawnAsync(activity.Id, reward, rewards, eligible, ct),
            };
            var rank = 0;
            foreach (var (member, draw, score) in chosen.Where(c => eligible.ContainsKey(c.Member)).Take(reward.Quantity))
                result.Add(new Winner(reward.Name, reward.Kind, reward.Rule, ++rank, member, Registration.CodeFor(eligible[member]), draw, score));
        }
        return result;
    }

    /// <summary>The ranking of an activity's members by their judges' scores (confirmed members only, team members never).</summary>
    public async Task<List<RankedMember>> RankAsync(Activity activity, CancellationToken ct) =>
        await RankAsync(activity, await EligibleAsync(activity.Id, ct), ct);

    private async Task<List<RankedMember>> RankAsync(Activity activity, Dictionary<Guid, long> eligible, CancellationToken ct)
    {
        var rows = await db.Set<Score>().AsNoTracking().Where(s => s.ActivityId == activity.Id)
            .Join(db.Submissions.Where(x => x.Status == SubmissionStatus.Accepted), s => s.SubmissionId, x => x.Id,
                (s, x) => new { s.SubmissionId, x.MemberId, x.CreatedAt, s.JudgeId, s.Total })
            .ToListAsync(ct);
        var entries = rows.Where(r => eligible.ContainsKey(r.MemberId) && !activity.IsOnTeam(r.MemberId))
            .GroupBy(r => (r.SubmissionId, r.MemberId, r.CreatedAt))
            .Select(g => new ScoredEntry(g.Key.SubmissionId, g.Key.MemberId, Registration.CodeFor(eligible[g.Key.MemberId]),
                g.Key.CreatedAt, g.Select(r => r.Total).ToList()));
        return Ranking.Rank(entries);
    }

    /// <summary>Members with a Confirmed registration and their arrival numbers (codes).</summary>
    private async Task<Dictionary<Guid, long>> EligibleAsync(Guid activityId, CancellationToken ct) =>
        await db.Registrations.AsNoTracking()
            .Where(r => r.ActivityId == activityId && r.Status == RegistrationStatus.Confirmed)
            .ToDictionaryAsync(r => r.MemberId, r => r.Number, ct);

    private async Task<List<Guid>> CompletersAsync(Activity activity, Plan plan, Dictionary<Guid, long> eligible, CancellationToken ct)
    {
        if (plan.Participation?.Method == ParticipationMethod.Tasks)
        {
            var keys = (plan.Participation.Tasks ?? []).Where(t => t is not null).Select(t => t.Key).ToHashSet();
            if (keys.Count == 0) return [];
            var done = await db.CompletedTasks.AsNoTracking().Where(t => t.ActivityId == activity.Id)
                .Select(t => new { t.MemberId, t.TaskKey, t.CompletedAt }).ToListAsync(ct);
            return done.Where(t => keys.Contains(t.TaskKey)).GroupBy(t => t.MemberId)
                .Where(g => g.Select(t => t.TaskKey).Distinct().Count() == keys.Count)
                .OrderBy(g => g.Max(t => t.CompletedAt)).ThenBy(g => eligible.GetValueOrDefault(g.Key))
                .Select(g => g.Key).ToList();
        }
        if (plan.Participation?.Method is null or ParticipationMethod.Registration)
            // Registration is the whole participation the method asks for (M2.1): every confirmed registrant completed it.
            return eligible.OrderBy(e => e.Value).Select(e => e.Key).ToList();
        var accepted = await db.Submissions.AsNoTracking()
            .Where(s => s.ActivityId == activity.Id && s.Status == SubmissionStatus.Accepted)
            .Select(s => new { s.MemberId, s.CreatedAt }).ToListAsync(ct);
        return accepted.GroupBy(s => s.MemberId).OrderBy(g => g.Min(s => s.CreatedAt)).ThenBy(g => eligible.GetValueOrDefault(g.Key))
            .Select(g => g.Key).ToList();
    }

    private async Task<List<(Guid, Guid?, decimal?)>> DrawnAsync(Guid activityId, RewardSetting reward,
        IReadOnlyList<RewardSetting> rewards, Dictionary<Guid, long> eligible, CancellationToken ct)
    {
        // A draw made without naming its reward counts for the plan's only Draw reward.
        var onlyDraw = rewards.Count(r => r.Rule == RewardRule.Draw) == 1;
        var draws = await db.Draws.AsNoTracking()
            .Where(d => d.ActivityId == activityId && d.Status == DrawStatus.Revealed
                        && (d.RewardName == reward.Name || (onlyDraw && d.RewardName == null)))
            .OrderBy(d => d.Number).ToListAsync(ct);
        var byCode = eligible.ToDictionary(e => Registration.CodeFor(e.Value), e => e.Key, StringComparer.Ordinal);
        var seen = new HashSet<Guid>();
        var list = new List<(Guid, Guid?, decimal?)>();
        foreach (var draw in draws)
            foreach (var code in draw.Winners ?? [])
                if (byCode.TryGetValue(code, out var member) && seen.Add(member))
                    list.Add((member, draw.Id, null));
        return list;
    }

    /// <summary>Physical prizes in hand per reward: the Prize materials (E1.2) of the same name.</summary>
    public async Task<Dictionary<string, int>> StockAsync(Guid activityId, CancellationToken ct)
    {
        var prizes = await db.Materials.AsNoTracking().Where(m => m.ActivityId == activityId && m.Kind == MaterialKind.Prize)
            .Select(m => new { m.Name, m.QuantityInHand }).ToListAsync(ct);
        return prizes.GroupBy(p => p.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.QuantityInHand), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The masked real names of the given members' registrations (张*丰), for publishing.</summary>
    public async Task<Dictionary<Guid, string>> MaskedNamesAsync(Guid activityId, IEnumerable<Guid> members, FieldProtector protector, CancellationToken ct)
    {
        var ids = members.Distinct().ToList();
        var regs = await db.Registrations.AsNoTracking().Where(r => r.ActivityId == activityId && ids.Contains(r.MemberId))
            .Select(r => new { r.MemberId, r.Contact.RealName }).ToListAsync(ct);
        return regs.ToDictionary(r => r.MemberId, r => PersonalData.MaskName(protector.Decrypt(r.RealName, RegisterMember.NamePurpose)));
    }
}
