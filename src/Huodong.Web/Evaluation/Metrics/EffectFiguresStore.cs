using Huodong.Web.Data;
using Huodong.Web.Participation;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Metrics;

/// <summary>
/// The effect figures of an activity as last computed. Each figure reads a window that lies wholly in the past once
/// it has closed (the span before and during the activity at its end, the 7 and 30 days after it later), so a figure
/// computed after its window closed never changes: it is computed once, in the background or at the first read,
/// and kept. <see cref="Through"/> says which windows the stored figures cover.
/// </summary>
public class EffectSnapshot
{
    private EffectSnapshot() { }

    public EffectSnapshot(Guid activityId) => ActivityId = activityId;

    public Guid ActivityId { get; private set; }
    public EffectWindows Through { get; private set; }
    public double? ActivityLift { get; private set; }
    public double? Retention7 { get; private set; }
    public double? Retention30 { get; private set; }
    public double? Retention7NonParticipants { get; private set; }
    public double? Retention30NonParticipants { get; private set; }
    public DateTimeOffset ComputedAt { get; private set; }

    public void Set(EffectWindows through, EffectFigures f, DateTimeOffset at)
    {
        Through = through;
        (ActivityLift, Retention7, Retention30) = (f.ActivityLift, f.Retention7, f.Retention30);
        (Retention7NonParticipants, Retention30NonParticipants) = (f.Retention7NonParticipants, f.Retention30NonParticipants);
        ComputedAt = at;
    }

    public EffectFigures ToFigures() =>
        new(ActivityLift, Retention7, Retention30, Retention7NonParticipants, Retention30NonParticipants, []);
}

/// <summary>Which effect windows have closed: none (still running), the activity's own span, then 7 and 30 days after.</summary>
public enum EffectWindows { None = 0, Span = 1, Week = 7, Month = 30 }

/// <summary>
/// V1.3 effect figures, in one pass over the community's events from the span before the activity to 30 days after
/// it: per member, whether they were active before, during, and again within 7 / 30 days after; then the shares.
/// Active = any recorded event of any activity except server errors.
/// </summary>
public sealed class EffectCalculator(HuodongDb db, TimeProvider time)
{
    public static EffectWindows ClosedBy(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now) =>
        start is null || end is not { } e || now < e ? EffectWindows.None
        : now < e.AddDays(7) ? EffectWindows.Span
        : now < e.AddDays(30) ? EffectWindows.Week
        : EffectWindows.Month;

    /// <summary>The figures for the closed windows: kept ones when they cover them, else computed now and kept.</summary>
    public async Task<EffectFigures> ForAsync(Guid activityId, DateTimeOffset? start, DateTimeOffset? end,
        IQueryable<Guid> participants, CancellationToken ct)
    {
        var closed = ClosedBy(start, end, time.GetUtcNow());
        if (closed == EffectWindows.None) return new EffectFigures(null, null, null, null, null, []);
        var kept = await db.Set<EffectSnapshot>().SingleOrDefaultAsync(s => s.ActivityId == activityId, ct);
        if (kept is not null && kept.Through == closed) return kept.ToFigures();

        var figures = await ComputeAsync(start!.Value, end!.Value, closed, participants, ct);
        if (kept is null) db.Add(kept = new EffectSnapshot(activityId));
        kept.Set(closed, figures, time.GetUtcNow());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another request or instance kept the same figures first
        return figures;
    }

    private async Task<EffectFigures> ComputeAsync(DateTimeOffset from, DateTimeOffset to, EffectWindows closed,
        IQueryable<Guid> participants, CancellationToken ct)
    {
        var before = from - (to - from);
        var (week, month) = (to.AddDays(7), to.AddDays(30));
        var last = closed switch { EffectWindows.Month => month, EffectWindows.Week => week, _ => to };
        var members = await db.ActivityEvents.AsNoTracking()
            .Where(e => e.At >= before && e.At <= last && e.MemberId != null && e.Kind != ActivityEventKind.Error)
            .GroupBy(e => e.MemberId!.Value)
            .Select(g => new MemberWindows(
                g.Key,
                g.Max(e => e.At < from ? 1 : 0) == 1,
                g.Max(e => e.At >= from && e.At < to ? 1 : 0) == 1,
                g.Max(e => e.At > to && e.At <= week ? 1 : 0) == 1,
                g.Max(e => e.At > to && e.At <= month ? 1 : 0) == 1))
            .ToListAsync(ct);
        var took = (await participants.ToListAsync(ct)).ToHashSet();
        var active = members.ToDictionary(m => m.Member);
        var returning = took.Select(p => active.GetValueOrDefault(p) ?? new MemberWindows(p, false, false, false, false)).ToList();
        var others = members.Where(m => m.During && !took.Contains(m.Member)).ToList();

        var activeBefore = members.Count(m => m.Before);
        var activeDuring = members.Count(m => m.During);
        static double? Share(List<MemberWindows> group, Func<MemberWindows, bool> again) =>
            group.Count == 0 ? null : Math.Round((double)group.Count(again) / group.Count, 4);
        var weekClosed = closed >= EffectWindows.Week;
        var monthClosed = closed >= EffectWindows.Month;
        return new EffectFigures(
            activeBefore == 0 ? null : Math.Round((double)activeDuring / activeBefore - 1, 4),
            weekClosed ? Share(returning, m => m.Week) : null,
            monthClosed ? Share(returning, m => m.Month) : null,
            weekClosed ? Share(others, m => m.Week) : null,
            monthClosed ? Share(others, m => m.Month) : null,
            []);
    }

    private sealed record MemberWindows(Guid Member, bool Before, bool During, bool Week, bool Month);
}
