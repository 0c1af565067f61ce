using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct.Cheating;

/// <summary>
/// Opens the cases detectors found, one per subject: a subject that has an open case already is left alone (the
/// moderator sees that one), so a detector run twice opens nothing twice. Nothing is penalised here (M3.3).
/// </summary>
public static class Detections
{
    public static async Task<List<ModerationCase>> OpenAsync(HuodongDb db, IEnumerable<ModerationCase> found, CancellationToken ct)
    {
        var candidates = found.DistinctBy(c => (c.Subject, c.SubjectId)).ToList();
        if (candidates.Count == 0) return [];
        var ids = candidates.Select(c => c.SubjectId).ToList();
        var open = (await db.ModerationCases.Where(c => c.Status == CaseStatus.Open && ids.Contains(c.SubjectId))
            .Select(c => new { c.Subject, c.SubjectId }).ToListAsync(ct)).Select(o => (o.Subject, o.SubjectId)).ToHashSet();
        var fresh = candidates.Where(c => !open.Contains((c.Subject, c.SubjectId))).ToList();
        db.ModerationCases.AddRange(fresh);
        return fresh;
    }

    /// <summary>
    /// Saves detections made after the member's own action committed. Losing a race to another detection of the same
    /// subject (the one-open-case index) is fine: that case is the one the moderator sees.
    /// </summary>
    public static async Task SaveBestEffortAsync(HuodongDb db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); }
    }
}
