using Huodong.Web.Participation.Pages;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Budget.Pages;

/// <summary>
/// <c>/console/activities/{id}/expenses</c>: the activity's budget lines and their use, the team's form to record an
/// expense with its voucher (B2.1) and submit it (B2.2), vouchers for drafts, and budget adjustments (B1.2). Every form
/// calls the same use case as the API.
/// </summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class ExpensesModel(BudgetQueries queries, RecordExpense record, AdjustBudget adjust,
    IOptions<BudgetOptions> options, TimeProvider time, IStringLocalizer<SharedResource> l) : BudgetPage
{
    public ConsoleTabs Tabs { get; private set; } = null!;
    public BudgetView Budget { get; private set; } = null!;
    public IReadOnlyList<ExpenseView> Expenses { get; private set; } = [];
    public bool OnTeam { get; private set; }
    public bool Spendable { get; private set; }
    public int MaxVoucherMb => options.Value.VoucherMaxBytes / (1024 * 1024);

    [BindProperty] public string? Category { get; set; }
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public string? Payee { get; set; }
    [BindProperty] public DateOnly? SpentOn { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public bool SubmitNow { get; set; } = true;
    [BindProperty] public IFormFile? Voucher { get; set; }
    [BindProperty] public string? AdjustCategory { get; set; }
    [BindProperty] public decimal? AdjustAmount { get; set; }
    [BindProperty] public string? AdjustReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>Records the expense, attaches the voucher and (by default) submits it: three steps, each its own use case.</summary>
    public async Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ?? Page();
        var created = await record.CreateAsync(actor, id, new ExpenseInput(Category, Amount, Payee, SpentOn, Purpose), ct);
        if (!created.IsOk) return await FailAsync(id, created.Error!, ct);
        var expense = created.Value!;
        if (Voucher is { Length: > 0 })
        {
            var upload = await ReadAsync(Voucher, ct);
            if (upload is null) return await FailAsync(id, BudgetErrors.VoucherTooLarge, ct, recorded: true);
            var attached = await record.AttachVoucherAsync(actor, expense.Id, upload, ct);
            if (!attached.IsOk) return await FailAsync(id, attached.Error!, ct, recorded: true);
            if (SubmitNow)
            {
                var submitted = await record.SubmitAsync(actor, expense.Id, ct);
                if (!submitted.IsOk) return await FailAsync(id, submitted.Error!, ct, recorded: true);
                return Done(id, "The expense is recorded and submitted for reimbursement.");
            }
        }
        return Done(id, "The expense is recorded as a draft.");
    }

    public async Task<IActionResult> OnPostVoucherAsync(Guid id, Guid expenseId, IFormFile? voucher, CancellationToken ct)
    {
        var upload = voucher is { Length: > 0 } ? await ReadAsync(voucher, ct) : new VoucherUpload("", []);
        if (upload is null) return await FailAsync(id, BudgetErrors.VoucherTooLarge, ct);
        var attached = await record.AttachVoucherAsync(Actor.From(User), expenseId, upload, ct);
        return attached.IsOk ? Done(id, "The voucher is attached.") : await FailAsync(id, attached.Error!, ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, Guid expenseId, CancellationToken ct)
    {
        var submitted = await record.SubmitAsync(Actor.From(User), expenseId, ct);
        return submitted.IsOk ? Done(id, "The expense is submitted for reimbursement.") : await FailAsync(id, submitted.Error!, ct);
    }

    public async Task<IActionResult> OnPostAdjustAsync(Guid id, CancellationToken ct)
    {
        var result = await adjust.RequestAsync(Actor.From(User), id, new AdjustmentInput(AdjustCategory, AdjustAmount, AdjustReason), ct);
        if (!result.IsOk) return await FailAsync(id, result.Error!, ct, adjustment: true);
        return Done(id, result.Value!.Status == AdjustmentStatus.Pending
            ? "The adjustment is sent to the leader for approval." : "The line is lowered.");
    }

    private async Task<VoucherUpload?> ReadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > options.Value.VoucherMaxBytes) return null;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new VoucherUpload(file.FileName, buffer.ToArray());
    }

    private IActionResult Done(Guid id, string notice)
    {
        TempData["Notice"] = notice;
        return LocalRedirect($"/console/activities/{id}/expenses");
    }

    private async Task<IActionResult> FailAsync(Guid id, Error error, CancellationToken ct, bool recorded = false, bool adjustment = false)
    {
        if (error.Kind == ErrorKind.NotFound && error.Fields is null) return NotFound();
        if (error.Kind == ErrorKind.Forbidden && error.Code == "forbidden") return Forbid();
        if (recorded) ModelState.AddModelError("", l["The expense is recorded as a draft; attach a voucher to it below."].Value);
        ModelState.AddError(error, l, field => adjustment ? "Adjust" + Pascal(field) : field == "file" ? nameof(Voucher) : Pascal(field));
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var budget = await queries.BudgetAsync(actor, id, ct);
        if (!budget.IsOk) return NotFound();
        var (activity, view) = budget.Value;
        Tabs = ConsoleTabs.For(actor, activity, "expenses");
        Budget = view;
        Expenses = (await queries.ExpensesAsync(actor, id, ct)).Value!;
        OnTeam = BudgetPermissions.IsTeam(actor, activity);
        Spendable = BudgetPermissions.IsSpendable(activity.Status) && !view.Settled;
        SpentOn ??= DateOnly.FromDateTime(Display.InChina(time.GetUtcNow()).DateTime);
        return null;
    }
}
