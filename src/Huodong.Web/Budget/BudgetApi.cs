using System.Globalization;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Budget;

/// <summary>
/// API.md "budget (B)": expenses, vouchers, submission and decisions as the contract names them, plus the budget
/// itself, adjustments (B1.2), payment, settlement and closing (B2.3), and Finance's ledger (B2.4).
/// </summary>
public static class BudgetApi
{
    public static void MapBudgetApi(this IEndpointRouteBuilder app)
    {
        var activity = app.MapGroup("/api/activities/{id:guid}").WithTags("Budget").RequireAuthorization();

        activity.MapGet("/budget", async (Guid id, HttpContext http, BudgetQueries q, CancellationToken ct) =>
            (await q.BudgetAsync(Actor.From(http.User), id, ct)).Match(http, r => TypedResults.Ok(r.View)));

        activity.MapPost("/budget/adjustments", async (Guid id, Body<AdjustmentInput> body, HttpContext http, AdjustBudget uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.RequestAsync(Actor.From(http.User), id, body.Value!, ct)).Match(http,
                    a => TypedResults.Created($"/api/budget-adjustments/{a.Id}", Adjustment(a))));

        activity.MapPost("/expenses", async (Guid id, Body<ExpenseInput> body, HttpContext http, RecordExpense uc, BudgetQueries q, CancellationToken ct) =>
        {
            if (body.Error is { } bad) return bad.ToProblem(http);
            var actor = Actor.From(http.User);
            var created = await uc.CreateAsync(actor, id, body.Value!, ct);
            if (!created.IsOk) return created.Error!.ToProblem(http);
            var view = await q.ExpenseAsync(actor, created.Value!.Id, ct);
            return TypedResults.Created($"/api/expenses/{created.Value.Id}", view.Value);
        });

        activity.MapGet("/expenses", async (Guid id, HttpContext http, BudgetQueries q, CancellationToken ct) =>
            (await q.ExpensesAsync(Actor.From(http.User), id, ct)).Match(http, list => TypedResults.Ok(new { items = list, total = list.Count })));

        activity.MapGet("/settlement", async (Guid id, HttpContext http, BudgetQueries q, HuodongDb db, CancellationToken ct) =>
        {
            var found = await q.BudgetAsync(Actor.From(http.User), id, ct);
            return found.IsOk ? TypedResults.Ok(await SettleBudget.PreviewAsync(db, found.Value.Activity, ct)) : found.Error!.ToProblem(http);
        });

        activity.MapPost("/settlement", async (Guid id, Body<SettleInput> body, HttpContext http, SettleBudget uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.SettleAsync(Actor.From(http.User), id, body.Value!, ct)).Match(http, s => TypedResults.Created($"/api/activities/{id}/settlement", s)));

        activity.MapGet("/settlement/export.csv", async (Guid id, HttpContext http, BudgetQueries q, HuodongDb db,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var found = await q.BudgetAsync(Actor.From(http.User), id, ct);
            if (!found.IsOk) return found.Error!.ToProblem(http);
            var s = await SettleBudget.PreviewAsync(db, found.Value.Activity, ct);
            return Results.Stream(async stream => await WriteCsvAsync(stream, s, l, ct), "text/csv; charset=utf-8", $"settlement-{id:N}.csv");
        });

        activity.MapGet("/settlement/export.xlsx", async (Guid id, HttpContext http, BudgetQueries q, HuodongDb db,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var found = await q.BudgetAsync(Actor.From(http.User), id, ct);
            if (!found.IsOk) return found.Error!.ToProblem(http);
            var s = await SettleBudget.PreviewAsync(db, found.Value.Activity, ct);
            return Results.File(await XlsxAsync(s, l, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"settlement-{id:N}.xlsx");
        });


        var expense = app.MapGroup("/api/expenses/{id:guid}").WithTags("Budget").RequireAuthorization();

        expense.MapGet("/", async (Guid id, HttpContext http, BudgetQueries q, CancellationToken ct) =>
            (await q.ExpenseAsync(Actor.From(http.User), id, ct)).Match(http, v => TypedResults.Ok(v)));

        expense.MapPost("/vouchers", async (Guid id, HttpContext http, RecordExpense uc, IOptions<BudgetOptions> options, CancellationToken ct) =>
        {
            var file = await ReadUploadAsync(http, options.Value.VoucherMaxBytes, ct);
            if (!file.IsOk) return file.Error!.ToProblem(http);
            return (await uc.AttachVoucherAsync(Actor.From(http.User), id, file.Value!, ct)).Match(http, v => TypedResults.Created(
                $"/api/expenses/{id}/vouchers/{v.Id}", new VoucherView(v.Id, v.FileName, v.ContentType, v.Size, v.Sha256, v.UploadedAt, [])));
        }).DisableAntiforgery();

        expense.MapGet("/vouchers/{voucherId:guid}", async (Guid id, Guid voucherId, HttpContext http, BudgetQueries q, CancellationToken ct) =>
            (await q.VoucherAsync(Actor.From(http.User), id, voucherId, ct)).Match(http, v => Results.File(v.Content, v.ContentType, v.FileName)));

        expense.MapPost("/submit", async (Guid id, HttpContext http, RecordExpense uc, BudgetQueries q, CancellationToken ct) =>
            await Then(http, q, await uc.SubmitAsync(Actor.From(http.User), id, ct), ct));

        expense.MapPost("/decision", async (Guid id, Body<DecisionInput> body, HttpContext http, DecideExpense uc, BudgetQueries q, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http) : await Then(http, q, await uc.DecideAsync(Actor.From(http.User), id, body.Value!, ct), ct));

        expense.MapPost("/payment", async (Guid id, Body<PaymentInput> body, HttpContext http, DecideExpense uc, BudgetQueries q, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http) : await Then(http, q, await uc.PayAsync(Actor.From(http.User), id, body.Value!, ct), ct));

        app.MapPost("/api/budget-adjustments/{id:guid}/decision", async (Guid id, Body<DecisionInput> body, HttpContext http, AdjustBudget uc, CancellationToken ct) =>
            body.Error is { } bad ? bad.ToProblem(http)
                : (await uc.DecideAsync(Actor.From(http.User), id, body.Value!, ct)).Match(http, a => TypedResults.Ok(Adjustment(a))))
            .WithTags("Budget").RequireAuthorization();

        app.MapGet("/api/expenses", async (Guid? activityId, ExpenseStatus? status, BudgetCategory? category, DateOnly? from, DateOnly? to,
                int? page, int? pageSize, HttpContext http, BudgetQueries q, CancellationToken ct) =>
            (await q.LedgerAsync(Actor.From(http.User), new LedgerFilter(activityId, status, category, from, to), Paging.From(page, pageSize), ct))
                .Match(http, TypedResults.Ok))
            .WithTags("Budget").RequireAuthorization();
    }

    private static object Adjustment(BudgetAdjustment a) => new
    {
        a.Id, a.ActivityId, a.Category, from = Money.ToYuan(a.FromFen), to = Money.ToYuan(a.ToFen), a.Reason, a.Status,
        a.RequestedAt, a.DecidedAt, comment = a.DecisionComment,
    };

    private static async Task<IResult> Then(HttpContext http, BudgetQueries q, Result<Expense> result, CancellationToken ct) =>
        result.IsOk ? TypedResults.Ok((await q.ExpenseAsync(Actor.From(http.User), result.Value!.Id, ct)).Value) : result.Error!.ToProblem(http);

    /// <summary>
    /// Reads the multipart <c>file</c> field. A cookie-signed-in caller must send the antiforgery token: unlike JSON, a
    /// multipart form can be posted from another site. The size limit is checked before the bytes are read.
    /// </summary>
    private static async Task<Result<VoucherUpload>> ReadUploadAsync(HttpContext http, int maxBytes, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return Error.Field("file", "Send the voucher as multipart/form-data in the field 'file'.");
        if (http.Request.Headers.Authorization.Count == 0)
        {
            try { await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http); }
            catch (AntiforgeryValidationException) { return Error.Forbidden; }
        }
        if (http.Request.ContentLength > maxBytes + 64 * 1024) return BudgetErrors.VoucherTooLarge;
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return BudgetErrors.VoucherMissing;
        if (file.Length > maxBytes) return BudgetErrors.VoucherTooLarge;
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return new VoucherUpload(file.FileName, buffer.ToArray());
    }

    /// <summary>The settlement as a worksheet (MiniExcel 1.46): amounts are numbers, not text, so they sum in a spreadsheet.</summary>
    public static async Task<byte[]> XlsxAsync(SettlementView s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        Dictionary<string, object?> Row(string category, decimal budget, decimal actual, decimal variance, string? explanation) => new()
        {
            [l["Category"]] = category, [l["Budget"]] = budget, [l["Actual"]] = actual, [l["Variance"]] = variance,
            [l["Explanation"]] = explanation ?? "",
        };
        var rows = s.Lines.Select(line => Row(l[Labels.Of(line.Category)], line.Budget, line.Actual, line.Variance, line.Explanation))
            .Append(Row(l["Total"], s.Budget, s.Actual, s.Variance, s.Summary)).ToList();
        using var buffer = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(buffer, rows, sheetName: "Settlement", cancellationToken: ct);
        return buffer.ToArray();
    }

    public static async Task WriteCsvAsync(Stream stream, SettlementView s, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        static string Yuan(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        await using var csv = new CsvWriter(stream);
        await csv.WriteRowAsync([l["Category"], l["Budget"], l["Actual"], l["Variance"], l["Explanation"]], ct);
        foreach (var line in s.Lines)
            await csv.WriteRowAsync([l[Labels.Of(line.Category)], Yuan(line.Budget), Yuan(line.Actual), Yuan(line.Variance), line.Explanation], ct);
        await csv.WriteRowAsync([l["Total"], Yuan(s.Budget), Yuan(s.Actual), Yuan(s.Variance), s.Summary], ct);
    }
}
