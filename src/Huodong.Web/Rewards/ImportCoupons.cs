using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Rewards;

public sealed record ImportCouponsInput(string? RewardName, string? Codes);
public sealed record CouponImport(string RewardName, int Added, int Duplicates, int Free);

/// <summary>
/// Staff import a coupon reward's codes (E3.2): one per line, or a CSV whose first column is the code (a header
/// named "code" is skipped). Codes already in the activity's pools are not added again; the unique index on
/// (activity, code) holds that even for two imports at once. Audited with the counts, never the codes.
/// </summary>
public sealed class ImportCoupons(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public const int MaxCodes = 100_000;

    public Task<Result<CouponImport>> ExecuteAsync(Actor actor, Guid activityId, ImportCouponsInput input, CancellationToken ct) =>
        store.InTransactionAsync<CouponImport>(async () =>
        {
            var db = store.Db;
            var activity = await store.FindAsync(activityId, ct); // locks the activity: imports of one activity queue
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (!ResultsPermissions.CanDraw(actor, activity)) return Error.Forbidden;
            var reward = (activity.ApprovedPlan?.Rewards ?? []).FirstOrDefault(r => r.Kind == RewardKind.Coupon && r.Name == input.RewardName?.Trim());
            if (reward is null) return AwardErrors.UnknownCouponReward;
            var codes = Parse(input.Codes);
            if (codes.Count == 0 || codes.Count > MaxCodes) return AwardErrors.NoCodes;
            if (codes.Any(c => c.Length > CouponCode.MaxCode || c.Contains('\0'))) return AwardErrors.CodeTooLong;

            var existing = (await db.Set<CouponCode>().Where(c => c.ActivityId == activityId).Select(c => c.Code).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var now = time.UtcNow();
            var fresh = codes.Where(existing.Add).ToList();
            foreach (var code in fresh) db.Add(new CouponCode(activityId, reward.Name, code, actor.Id, now));
            var free = await db.Set<CouponCode>().CountAsync(c => c.ActivityId == activityId && c.RewardName == reward.Name && c.AwardId == null, ct) + fresh.Count;
            await audit.AppendAsync(actor.Id, "coupons.imported", "activity", activityId.ToString(),
                new { reward = reward.Name, added = fresh.Count, duplicates = codes.Count - fresh.Count, free }, ct);
            return new CouponImport(reward.Name, fresh.Count, codes.Count - fresh.Count, free);
        }, ct);

    /// <summary>One code per line; from a CSV line the first field (quotes removed); blank lines and a "code" header skipped.</summary>
    public static List<string> Parse(string? text) =>
        (text ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(',', ';', '\t')[0].Trim().Trim('"').Trim())
            .Where(c => c.Length > 0 && !c.Equals("code", StringComparison.OrdinalIgnoreCase))
            .ToList();
}
