using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Budget;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Budget;

/// <summary>
/// B1.2–B2.4 through the API on a real database: expenses against the approved lines (including a concurrent race),
/// vouchers, reimbursement decisions, adjustments, settlement and its audit trail.
/// </summary>
public abstract partial class BudgetApiTests(TestApp app) : ParticipationTests(app)
{
    /// <summary>PNG signature and a few bytes: a real PNG as far as the sniffing goes.</summary>
    public static byte[] Png(string salt = "") => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.UTF8.GetBytes("IHDR" + salt + Guid.NewGuid())];
    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n% receipt " + Guid.NewGuid() + "\n%%EOF");

    /// <summary>An approved activity with Promotion ¥300, Personnel ¥1,200, Rewards ¥799 and Materials ¥8,000.</summary>
    protected async Task<Guid> BudgetedActivity(params string[] team)
    {
        var plan = ParticipationPlans.OpenNow();
        plan = plan with
        {
            Budget = [.. plan.Budget, new BudgetLine(BudgetCategory.Materials, 8000m, "奖品采购")],
            Team = [.. plan.Team, .. team],
        };
        return await OpenActivity(plan);
    }

    protected async Task<HttpResponseMessage> Spend(Guid activityId, string category, decimal amount, string by = "planner") =>
        await (await App.As(by)).PostJson($"/api/activities/{activityId}/expenses",
            new { category, amount, payee = "上海印务有限公司", spentOn = "2026-11-20", purpose = "活动海报印刷" });

    protected async Task<ExpenseView> Spent(Guid activityId, string category, decimal amount, string by = "planner") =>
        await (await Spend(activityId, category, amount, by)).Expect<ExpenseView>(HttpStatusCode.Created);

    protected async Task<HttpResponseMessage> Upload(Guid expenseId, byte[] bytes, string name, string by = "planner")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await (await App.As(by)).PostAsync($"/api/expenses/{expenseId}/vouchers", form, Ct);
    }

    protected async Task<ExpenseView> Post(Guid expenseId, string action, object? body, string by, HttpStatusCode status = HttpStatusCode.OK) =>
        await (await (await App.As(by)).PostJson($"/api/expenses/{expenseId}/{action}", body)).Expect<ExpenseView>(status);

    /// <summary>A Submitted expense with a voucher.</summary>
    protected async Task<ExpenseView> Submitted(Guid activityId, string category, decimal amount, string by = "planner")
    {
        var e = await Spent(activityId, category, amount, by);
        await (await Upload(e.Id, Png(), "receipt.png", by)).ShouldBe(HttpStatusCode.Created);
        return await Post(e.Id, "submit", null, by);
    }

    private async Task<BudgetView> BudgetOf(Guid activityId, string by = "planner") =>
        await (await (await App.As(by)).GetAsync($"/api/activities/{activityId}/budget", Ct)).Expect<BudgetView>(HttpStatusCode.OK);

    private static BudgetLineView Line(BudgetView b, BudgetCategory c) => b.Lines.Single(l => l.Category == c);

    [Fact]
    public async Task An_expense_within_its_line_is_a_draft_and_one_beyond_it_is_refused_over_budget()
    {
        var id = await BudgetedActivity();

        var first = await Spent(id, "Promotion", 200.50m);
        Assert.Equal(ExpenseStatus.Draft, first.Status);
        Assert.Equal(200.50m, first.Amount);

        var problem = await (await Spend(id, "Promotion", 99.51m)).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("over-budget", problem.Code);
        await Spent(id, "Promotion", 99.50m); // exactly to the line's amount
        var line = Line(await BudgetOf(id), BudgetCategory.Promotion);
        Assert.Equal(300m, line.Committed);
        Assert.Equal(0m, line.Remaining);
    }

    [Fact]
    public async Task Concurrent_expenses_never_take_a_line_over_its_approved_amount()
    {
        var id = await BudgetedActivity();
        var planner = await Planner;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await planner.PostJson($"/api/activities/{id}/expenses",
                new { category = "Promotion", amount = 50m, payee = "印务", spentOn = "2026-11-20", purpose = "海报" });
        })).ToArray();
        start.SetResult();
        var answers = await Task.WhenAll(racers);

        Assert.Equal(6, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
            Assert.Equal("over-budget", (await loser.ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
        Assert.Equal(300m, Line(await BudgetOf(id), BudgetCategory.Promotion).Committed);
        var stored = await App.WithDb(db => db.Set<Expense>().Where(e => e.ActivityId == id).SumAsync(e => e.AmountFen, Ct));
        Assert.Equal(30000, stored);
    }

    [Fact]
    public async Task A_retried_expense_with_the_same_idempotency_key_is_recorded_and_committed_once()
    {
        var id = await BudgetedActivity();
        var planner = await Planner;
        var key = Guid.NewGuid().ToString();
        var body = new { category = "Promotion", amount = 120m, payee = "印务", spentOn = "2026-11-20", purpose = "海报" };
        var first = await (await planner.PostJson($"/api/activities/{id}/expenses", body, key)).Expect<ExpenseView>(HttpStatusCode.Created);
        var again = await (await planner.PostJson($"/api/activities/{id}/expenses", body, key)).Expect<ExpenseView>(HttpStatusCode.Created);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(120m, Line(await BudgetOf(id), BudgetCategory.Promotion).Committed);
    }

    [Fact]
    public async Task Invalid_expenses_name_their_fields_and_a_category_without_a_line_is_refused()
    {
        var id = await BudgetedActivity();
        var problem = await (await (await Planner).PostJson($"/api/activities/{id}/expenses",
            new { category = "Snacks", amount = 1.234m, payee = "", spentOn = (string?)null, purpose = "x" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("category", problem.Fields);
        Assert.Contains("amount", problem.Fields);
        Assert.Contains("payee", problem.Fields);
        Assert.Contains("spentOn", problem.Fields);

        Assert.Equal("no-budget-line", (await (await Spend(id, "Other", 10m)).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await Spend(id, "Promotion", 10m, by: "planner2")).StatusCode);
    }

    [Fact]
    public async Task A_voucher_is_checked_by_its_bytes_and_a_forged_extension_is_refused()
    {
        var id = await BudgetedActivity();
        var e = await Spent(id, "Promotion", 100m);

        var forged = await (await Upload(e.Id, Png(), "invoice.pdf")).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("voucher-type-mismatch", forged.Code);
        var exe = await (await Upload(e.Id, [0x4D, 0x5A, 0x90, 0x00, 0x03], "invoice.pdf")).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("voucher-unsupported", exe.Code);
        var big = await (await Upload(e.Id, [.. Pdf(), .. new byte[5 * 1024 * 1024]], "big.pdf")).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("voucher-too-large", big.Code);

        var bytes = Pdf();
        var ok = await (await Upload(e.Id, bytes, "发票.pdf")).Expect<VoucherView>(HttpStatusCode.Created);
        Assert.Equal("application/pdf", ok.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), ok.Sha256);
        var download = await (await Planner).GetAsync($"/api/expenses/{e.Id}/vouchers/{ok.Id}", Ct);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task The_same_voucher_on_another_expense_is_flagged_for_finance_not_refused()
    {
        var a = await BudgetedActivity();
        var b = await BudgetedActivity();
        var receipt = Png("same");
        var first = await Spent(a, "Promotion", 100m);
        var second = await Spent(b, "Personnel", 100m);
        await (await Upload(first.Id, receipt, "r.png")).ShouldBe(HttpStatusCode.Created);
        await (await Upload(second.Id, receipt, "r.png")).ShouldBe(HttpStatusCode.Created);

        var seen = await (await (await App.As("finance")).GetAsync($"/api/expenses/{second.Id}", Ct)).Expect<ExpenseView>(HttpStatusCode.OK);
        Assert.True(seen.DuplicateVoucher);
        Assert.Equal([first.Id], seen.Vouchers.Single().AlsoOnExpenses);
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(x => x.Code == "expense.voucher.duplicate" && x.SubjectId == second.Id.ToString(), Ct)));
    }
}

public sealed class BudgetApiTests_Sqlite(SqliteApp app) : BudgetApiTests(app), IClassFixture<SqliteApp>;
public sealed class BudgetApiTests_Postgres(PostgresApp app) : BudgetApiTests(app), IClassFixture<PostgresApp>;
