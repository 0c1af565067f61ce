using System.Security.Cryptography;
using Huodong.Web.Audit;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Budget;

public sealed record ExpenseInput(string? Category, decimal? Amount, string? Payee, DateOnly? SpentOn, string? Purpose);

/// <summary>A voucher file as received: its name and bytes (the size limit is checked before reading it all).</summary>
public sealed record VoucherUpload(string FileName, byte[] Content);

/// <summary>
/// B2.1: the team records an expense against an approved budget line; the amount is committed against the line by one
/// conditional UPDATE in the same transaction, so concurrent expenses can never take a line over its approved amount
/// (422 <c>over-budget</c>). Vouchers are attached to Drafts; submitting needs at least one (B2.2).
/// </summary>
public sealed class RecordExpense(ActivityStore store, AuditLog audit, TimeProvider time, IOptions<BudgetOptions> options)
{
    public Task<Result<Expense>> CreateAsync(Actor actor, Guid activityId, ExpenseInput input, CancellationToken ct) =>
        store.InTransactionAsync<Expense>(async () =>
        {
            var db = store.Db;
            var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct);
            if (activity is null || !BudgetPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (!BudgetPermissions.IsTeam(actor, activity)) return Error.Forbidden;
            if (Validate(input) is { } invalid) return invalid;
            if (!BudgetPermissions.IsSpendable(activity.Status)
                || await db.Set<Settlement>().AnyAsync(s => s.ActivityId == activityId, ct)) return BudgetErrors.NotSpendable;

            var at = time.UtcNow();
            var category = Enum.Parse<BudgetCategory>(input.Category!, ignoreCase: true);
            var fen = Money.ToFen(input.Amount!.Value);
            await BudgetLines.EnsureAsync(db, audit, activity, actor.Id, at, ct);
            if (!await db.Set<BudgetAllocation>().AnyAsync(l => l.ActivityId == activityId && l.Category == category, ct))
                return BudgetErrors.NoBudgetLine;
            if (!await BudgetLines.TryCommitAsync(db, activityId, category, fen, ct)) return BudgetErrors.OverBudget;

            var expense = new Expense(activityId, category, fen, input.Payee!.Trim(), input.SpentOn!.Value, input.Purpose!.Trim(), actor.Id, at);
            db.Set<Expense>().Add(expense);
            await audit.AppendAsync(actor.Id, "expense.created", "expense", expense.Id.ToString(), new
            {
                activityId, category = category.ToString(), amount = expense.Amount, expense.Payee, spentOn = expense.SpentOn.ToString("O"),
                expense.Purpose,
            }, ct);
            return expense;
        }, ct);

    /// <summary>
    /// Attaches a voucher to a Draft: PDF/JPG/PNG by content, within the size limit, matching its extension. The same
    /// bytes already used on another expense are accepted and flagged (audited and shown to Finance), not refused:
    /// a shared receipt can be legitimate, and Finance decides.
    /// </summary>
    public Task<Result<Voucher>> AttachVoucherAsync(Actor actor, Guid expenseId, VoucherUpload file, CancellationToken ct) =>
        store.InTransactionAsync<Voucher>(async () =>
        {
            var db = store.Db;
            var (expense, activity, refused) = await LoadForTeamAsync(actor, expenseId, ct);
            if (refused is not null) return refused;
            if (expense!.Status != ExpenseStatus.Draft) return BudgetErrors.WrongExpenseState(expense.Status);
            if (CheckFile(file) is { } bad) return bad;

            var kind = VoucherFiles.Sniff(file.Content)!.Value;
            var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));
            var name = Path.GetFileName(file.FileName.Trim());
            if (name.Length > Voucher.MaxFileName) name = name[^Voucher.MaxFileName..];
            var voucher = new Voucher(expense.Id, name, VoucherFiles.ContentType(kind), file.Content, sha, actor.Id, time.UtcNow());
            db.Set<Voucher>().Add(voucher);
            var duplicates = await db.Set<Voucher>().Where(v => v.Sha256 == sha && v.ExpenseId != expense.Id)
                .Select(v => v.ExpenseId).Distinct().ToListAsync(ct);
            await audit.AppendAsync(actor.Id, "expense.voucher.attached", "expense", expense.Id.ToString(),
                new { voucherId = voucher.Id, voucher.FileName, voucher.ContentType, voucher.Size, sha256 = sha }, ct);
            if (duplicates.Count > 0)
                await audit.AppendAsync(actor.Id, "expense.voucher.duplicate", "expense", expense.Id.ToString(),
                    new { voucherId = voucher.Id, sha256 = sha, alsoOn = duplicates }, ct);
            return voucher;
        }, ct);

    public Task<Result<Expense>> SubmitAsync(Actor actor, Guid expenseId, CancellationToken ct) =>
        store.InTransactionAsync<Expense>(async () =>
        {
            var (expense, _, refused) = await LoadForTeamAsync(actor, expenseId, ct);
            if (refused is not null) return refused;
            var vouchers = await store.Db.Set<Voucher>().CountAsync(v => v.ExpenseId == expenseId, ct);
            var submitted = expense!.Submit(actor.Id, vouchers, time.UtcNow());
            if (!submitted.IsOk) return submitted.Error!;
            await audit.AppendAsync(actor.Id, "expense.submitted", "expense", expense.Id.ToString(),
                new { amount = expense.Amount, vouchers }, ct);
            return expense;
        }, ct);

    private async Task<(Expense?, Activity?, Error?)> LoadForTeamAsync(Actor actor, Guid expenseId, CancellationToken ct)
    {
        var db = store.Db;
        var expense = await db.Set<Expense>().FirstOrDefaultAsync(e => e.Id == expenseId, ct);
        if (expense is null) return (null, null, BudgetErrors.ExpenseNotFound);
        var activity = await db.Activities.Include(a => a.Team).AsNoTracking().FirstAsync(a => a.Id == expense.ActivityId, ct);
        if (!BudgetPermissions.CanSee(actor, activity)) return (null, null, BudgetErrors.ExpenseNotFound);
        if (!BudgetPermissions.IsTeam(actor, activity)) return (null, null, Error.Forbidden);
        return (expense, activity, null);
    }

    private Error? CheckFile(VoucherUpload file)
    {
        if (file.Content.Length == 0) return BudgetErrors.VoucherMissing;
        if (file.Content.Length > options.Value.VoucherMaxBytes) return BudgetErrors.VoucherTooLarge;
        var actual = VoucherFiles.Sniff(file.Content);
        if (actual is null) return BudgetErrors.VoucherUnsupported;
        var named = VoucherFiles.FromName(file.FileName);
        if (named != actual) return BudgetErrors.VoucherTypeMismatch;
        return null;
    }

    public static Error? Validate(ExpenseInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Category)) errors["category"] = ["Required."];
        else if (!Enum.TryParse<BudgetCategory>(input.Category, ignoreCase: true, out _) || int.TryParse(input.Category, out _))
            errors["category"] = ["Choose one of the budget categories."];
        if (Money.Invalid(input.Amount) is { } amount) errors["amount"] = [amount];
        Text(errors, "payee", input.Payee, Expense.MaxPayee);
        Text(errors, "purpose", input.Purpose, Expense.MaxPurpose);
        if (input.SpentOn is null) errors["spentOn"] = ["Required."];
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = ["Required."];
        else if (value.Trim().Length > max) errors[field] = ["Too long."];
        else if (value.Contains('\0')) errors[field] = ["The value is not valid."];
    }
}
