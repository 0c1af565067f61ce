using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Budget;

public sealed record Inbox(IReadOnlyList<ExpenseView> ToDecide, IReadOnlyList<ExpenseView> ToPay,
    IReadOnlyList<(AdjustmentView Adjustment, string ActivityTitle)> Adjustments);

public sealed record LedgerFilter(Guid? ActivityId, ExpenseStatus? Status, BudgetCategory? Category, DateOnly? From, DateOnly? To);

/// <summary>Reading budgets, expenses, the Finance ledger (B2.4) and the decision inboxes; pages and API share these.</summary>
public sealed class BudgetQueries(HuodongDb db)
{
    public async Task<Result<(Activity Activity, BudgetView View)>> BudgetAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !BudgetPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
        var plan = activity.ApprovedPlan ?? activity.WorkingPlan;
        var allocations = await db.Set<BudgetAllocation>().AsNoTracking().Where(l => l.ActivityId == activityId).ToListAsync(ct);
        var actual = await ActualByCategoryAsync(activityId, ct);
        // Before the first expense the lines are the approved plan's (opened in the database on first use).
        var lines = allocations.Count > 0
            ? allocations.OrderBy(l => l.Category).Select(l => new BudgetLineView(l.Category, Money.ToYuan(l.ApprovedFen),
                Money.ToYuan(l.CommittedFen), Money.ToYuan(actual.GetValueOrDefault(l.Category)), Money.ToYuan(l.ApprovedFen - l.CommittedFen), l.Version)).ToList()
            : (activity.ApprovedPlan?.Budget ?? []).GroupBy(l => l.Category).OrderBy(g => g.Key)
                .Select(g => new BudgetLineView(g.Key, g.Sum(l => l.Amount), 0, 0, g.Sum(l => l.Amount), 1)).ToList();
        var adjustments = await db.Set<BudgetAdjustment>().AsNoTracking().Where(a => a.ActivityId == activityId)
            .OrderByDescending(a => a.RequestedAt).ToListAsync(ct);
        var revisions = await db.Set<BudgetRevision>().AsNoTracking().Where(r => r.ActivityId == activityId)
            .OrderBy(r => r.Category).ThenBy(r => r.Version).ToListAsync(ct);
        var names = await NamesAsync(adjustments.SelectMany(a => new[] { a.RequestedById, a.DecidedById ?? Guid.Empty })
            .Concat(revisions.Select(r => r.ById)), ct);
        var settled = await db.Set<Settlement>().AnyAsync(s => s.ActivityId == activityId, ct);
        return (activity, new BudgetView(activity.Id, activity.Title, activity.Status, lines, lines.Sum(l => l.Approved),
            lines.Sum(l => l.Committed), lines.Sum(l => l.Actual), RewardsCheck.Of(plan),
            adjustments.Select(a => AdjustmentView.Of(a, names)).ToList(),
            revisions.Select(r => new BudgetRevisionView(r.Category, r.Version, r.Kind, Money.ToYuan(r.AmountFen), r.Reason,
                r.AdjustmentId, names.GetValueOrDefault(r.ById, "?"), r.At)).ToList(), settled));
    }

    /// <summary>Actual spend per category: approved and paid expenses (B2.3).</summary>
    public async Task<Dictionary<BudgetCategory, long>> ActualByCategoryAsync(Guid activityId, CancellationToken ct) =>
        (await db.Set<Expense>().AsNoTracking()
            .Where(e => e.ActivityId == activityId && (e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid))
            .GroupBy(e => e.Category).Select(g => new { g.Key, Fen = g.Sum(e => e.AmountFen) }).ToListAsync(ct))
        .ToDictionary(x => x.Key, x => x.Fen);

    public async Task<Result<List<ExpenseView>>> ExpensesAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !BudgetPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
        var expenses = await db.Set<Expense>().AsNoTracking().Where(e => e.ActivityId == activityId)
            .OrderByDescending(e => e.CreatedAt).ToListAsync(ct);
        return await ViewsAsync(expenses, ct);
    }

    public async Task<Result<ExpenseView>> ExpenseAsync(Actor actor, Guid expenseId, CancellationToken ct)
    {
        var expense = await db.Set<Expense>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == expenseId, ct);
        if (expense is null || !await CanSeeAsync(actor, expense.ActivityId, ct)) return BudgetErrors.ExpenseNotFound;
        return (await ViewsAsync([expense], ct))[0];
    }

    public async Task<Result<Voucher>> VoucherAsync(Actor actor, Guid expenseId, Guid voucherId, CancellationToken ct)
    {
        var voucher = await db.Set<Voucher>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == voucherId && v.ExpenseId == expenseId, ct);
        if (voucher is null) return Error.NotFound("Voucher");
        var activityId = await db.Set<Expense>().Where(e => e.Id == expenseId).Select(e => e.ActivityId).FirstAsync(ct);
        return await CanSeeAsync(actor, activityId, ct) ? voucher : Error.NotFound("Voucher");
    }

    /// <summary>B2.4: Finance's ledger of expenses across activities, newest first.</summary>
    public async Task<Result<Page<ExpenseView>>> LedgerAsync(Actor actor, LedgerFilter filter, Paging paging, CancellationToken ct)
    {
        if (!actor.Is(Roles.Finance) && !actor.Is(Roles.Admin) && !actor.Is(Roles.Leader)) return Error.Forbidden;
        var q = db.Set<Expense>().AsNoTracking();
        if (filter.ActivityId is { } a) q = q.Where(e => e.ActivityId == a);
        if (filter.Status is { } s) q = q.Where(e => e.Status == s);
        if (filter.Category is { } c) q = q.Where(e => e.Category == c);
        if (filter.From is { } from) q = q.Where(e => e.SpentOn >= from);
        if (filter.To is { } to) q = q.Where(e => e.SpentOn <= to);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(e => e.SpentOn).ThenByDescending(e => e.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new Page<ExpenseView>(await ViewsAsync(rows, ct), total);
    }

    /// <summary>
    /// What waits for this actor: Finance decides submitted expenses and pays approved ones; the Leader decides
    /// escalated expenses and budget adjustments. Expenses the actor recorded or submitted are left out (not theirs to decide).
    /// </summary>
    public async Task<Inbox> InboxAsync(Actor actor, CancellationToken ct)
    {
        var me = actor.UserId ?? Guid.Empty;
        var decide = new List<ExpenseStatus>();
        if (actor.Is(Roles.Finance)) decide.Add(ExpenseStatus.Submitted);
        if (actor.Is(Roles.Leader)) decide.Add(ExpenseStatus.AwaitingLeader);
        var toDecide = await db.Set<Expense>().AsNoTracking()
            .Where(e => decide.Contains(e.Status) && e.CreatedById != me && e.SubmittedById != me)
            .OrderBy(e => e.SubmittedAt).Take(200).ToListAsync(ct);
        var toPay = actor.Is(Roles.Finance)
            ? await db.Set<Expense>().AsNoTracking().Where(e => e.Status == ExpenseStatus.Approved && e.CreatedById != me && e.SubmittedById != me)
                .OrderBy(e => e.UpdatedAt).Take(200).ToListAsync(ct)
            : [];
        var adjustments = actor.Is(Roles.Leader)
            ? await db.Set<BudgetAdjustment>().AsNoTracking().Where(a => a.Status == AdjustmentStatus.Pending)
                .OrderBy(a => a.RequestedAt).Take(200).ToListAsync(ct)
            : [];
        var names = await NamesAsync(adjustments.Select(a => a.RequestedById), ct);
        var titles = await db.Activities.AsNoTracking().Where(a => adjustments.Select(x => x.ActivityId).Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        return new Inbox(await ViewsAsync(toDecide, ct), await ViewsAsync(toPay, ct),
            adjustments.Select(a => (AdjustmentView.Of(a, names), titles.GetValueOrDefault(a.ActivityId, ""))).ToList());
    }

    private async Task<bool> CanSeeAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstAsync(a => a.Id == activityId, ct);
        return BudgetPermissions.CanSee(actor, activity);
    }

    private async Task<List<ExpenseView>> ViewsAsync(List<Expense> expenses, CancellationToken ct)
    {
        var ids = expenses.Select(e => e.Id).ToList();
        var vouchers = await db.Set<Voucher>().AsNoTracking().Where(v => ids.Contains(v.ExpenseId))
            .Select(v => new { v.Id, v.ExpenseId, v.FileName, v.ContentType, v.Size, v.Sha256, v.UploadedAt }).ToListAsync(ct);
        var hashes = vouchers.Select(v => v.Sha256).Distinct().ToList();
        var sharing = await db.Set<Voucher>().AsNoTracking().Where(v => hashes.Contains(v.Sha256))
            .Select(v => new { v.Sha256, v.ExpenseId }).ToListAsync(ct);
        var activityIds = expenses.Select(e => e.ActivityId).Distinct().ToList();
        var titles = await db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        var names = await NamesAsync(expenses.SelectMany(e => new[] { e.CreatedById, e.SubmittedById ?? Guid.Empty,
            e.FinanceById ?? Guid.Empty, e.LeaderById ?? Guid.Empty }), ct);
        string? Name(Guid? id) => id is { } g ? names.GetValueOrDefault(g, "?") : null;
        return expenses.Select(e => new ExpenseView(e.Id, e.ActivityId, titles.GetValueOrDefault(e.ActivityId, ""), e.Category, e.Amount,
            e.Payee, e.SpentOn, e.Purpose, e.Status, Name(e.CreatedById)!, e.CreatedAt, Name(e.SubmittedById), e.SubmittedAt,
            Name(e.FinanceById), e.FinanceAt, Name(e.LeaderById), e.LeaderAt, e.DecisionReason, e.PaymentReference, e.PaidAt,
            e.Status == ExpenseStatus.AwaitingLeader,
            vouchers.Where(v => v.ExpenseId == e.Id).OrderBy(v => v.UploadedAt).Select(v => new VoucherView(v.Id, v.FileName, v.ContentType,
                v.Size, v.Sha256, v.UploadedAt, sharing.Where(s => s.Sha256 == v.Sha256 && s.ExpenseId != e.Id)
                    .Select(s => s.ExpenseId).Distinct().ToList())).ToList())).ToList();
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Where(i => i != Guid.Empty).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

}

/// <summary>
/// V1.4: what an activity actually cost, in yuan — its approved and paid expenses. The evaluation's metrics
/// (<c>GET /api/activities/{id}/metrics</c>, a later issue) read it from here.
/// </summary>
public interface IActualCost
{
    Task<decimal> OfAsync(Guid activityId, CancellationToken ct = default);
}

public sealed class ActualCost(HuodongDb db) : IActualCost
{
    public async Task<decimal> OfAsync(Guid activityId, CancellationToken ct = default) =>
        Money.ToYuan(await db.Set<Expense>().AsNoTracking()
            .Where(e => e.ActivityId == activityId && (e.Status == ExpenseStatus.Approved || e.Status == ExpenseStatus.Paid))
            .SumAsync(e => (long?)e.AmountFen, ct) ?? 0);
}
