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
public abstract class BudgetApiTests(TestApp app) : ParticipationTests(app)
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

    [Fact]
    public async Task Submitting_needs_a_voucher_and_finance_approves_then_pays()
    {
        var id = await BudgetedActivity();
        var e = await Spent(id, "Personnel", 800m);
        Assert.Equal("voucher-required", (await (await (await Planner).PostJson($"/api/expenses/{e.Id}/submit", null))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
        await (await Upload(e.Id, Pdf(), "劳务.pdf")).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(ExpenseStatus.Submitted, (await Post(e.Id, "submit", null, "planner")).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await Planner).PostJson($"/api/expenses/{e.Id}/decision", new { decision = "approve" })).StatusCode);
        var approved = await Post(e.Id, "decision", new { decision = "approve", reason = "凭证齐全" }, "finance");
        Assert.Equal(ExpenseStatus.Approved, approved.Status);
        var paid = await Post(e.Id, "payment", new { reference = "PAY-2026-0001" }, "finance");
        Assert.Equal(ExpenseStatus.Paid, paid.Status);
        Assert.Equal("PAY-2026-0001", paid.PaymentReference);

        using var scope = App.Services.CreateScope();
        Assert.Equal(800m, await scope.ServiceProvider.GetRequiredService<IActualCost>().OfAsync(id, Ct));
        var codes = await App.WithDb(db => db.AuditEntries.Where(x => x.SubjectId == e.Id.ToString()).OrderBy(x => x.Sequence).Select(x => x.Code).ToListAsync(Ct));
        Assert.Equal(["expense.created", "expense.voucher.attached", "expense.submitted", "expense.approved.finance", "expense.paid"], codes);
    }

    [Fact]
    public async Task The_submitter_cannot_decide_their_own_expense_even_with_the_finance_role()
    {
        var both = await App.CreateStaffAsync("planner-finance", Web.People.Roles.Planner, Web.People.Roles.Finance);
        var id = await BudgetedActivity(both);
        var e = await Submitted(id, "Promotion", 120m, by: both);

        var problem = await (await (await App.As(both)).PostJson($"/api/expenses/{e.Id}/decision", new { decision = "approve" }))
            .ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("own-expense", problem.Code);
        Assert.Equal(ExpenseStatus.Submitted, (await (await (await App.As("finance")).GetAsync($"/api/expenses/{e.Id}", Ct)).Expect<ExpenseView>(HttpStatusCode.OK)).Status);
    }

    [Fact]
    public async Task An_amount_above_the_threshold_needs_the_leader_after_finance()
    {
        var id = await BudgetedActivity();
        var e = await Submitted(id, "Materials", 6000m);

        var escalated = await Post(e.Id, "decision", new { decision = "approve" }, "finance");
        Assert.Equal(ExpenseStatus.AwaitingLeader, escalated.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.As("finance")).PostJson($"/api/expenses/{e.Id}/decision", new { decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await (await App.As("finance")).PostJson($"/api/expenses/{e.Id}/payment", new { reference = "X" })).StatusCode);
        var approved = await Post(e.Id, "decision", new { decision = "approve", reason = "同意" }, "leader");
        Assert.Equal(ExpenseStatus.Approved, approved.Status);
        Assert.Equal(6000m, Line(await BudgetOf(id), BudgetCategory.Materials).Actual);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_gives_the_amount_back_to_the_line()
    {
        var id = await BudgetedActivity();
        var e = await Submitted(id, "Promotion", 300m);
        Assert.Equal("over-budget", (await (await Spend(id, "Promotion", 1m)).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);

        var noReason = await (await (await App.As("finance")).PostJson($"/api/expenses/{e.Id}/decision", new { decision = "reject" }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("reason", noReason.Fields);
        var rejected = await Post(e.Id, "decision", new { decision = "reject", reason = "发票抬头不符" }, "finance");
        Assert.Equal(ExpenseStatus.Rejected, rejected.Status);
        Assert.Equal(0m, Line(await BudgetOf(id), BudgetCategory.Promotion).Committed);
        await Spent(id, "Promotion", 300m);
    }

    [Fact]
    public async Task Raising_a_line_waits_for_the_leader_lowering_does_not_and_every_version_is_kept()
    {
        var id = await BudgetedActivity();
        await Spent(id, "Promotion", 250m);
        var planner = await Planner;

        var raise = await (await planner.PostJson($"/api/activities/{id}/budget/adjustments",
            new { category = "Promotion", amount = 500m, reason = "追加线上投放" })).Expect<AdjustmentView>(HttpStatusCode.Created);
        Assert.Equal(AdjustmentStatus.Pending, raise.Status);
        Assert.Equal("over-budget", (await (await Spend(id, "Promotion", 100m)).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PostJson($"/api/budget-adjustments/{raise.Id}/decision", new { decision = "approve" })).StatusCode);

        await (await (await Leader).PostJson($"/api/budget-adjustments/{raise.Id}/decision", new { decision = "approve" })).ShouldBe(HttpStatusCode.OK);
        await Spent(id, "Promotion", 100m);

        var tooLow = await (await planner.PostJson($"/api/activities/{id}/budget/adjustments",
            new { category = "Promotion", amount = 300m, reason = "压缩" })).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("below-committed", tooLow.Code);
        var lowered = await (await planner.PostJson($"/api/activities/{id}/budget/adjustments",
            new { category = "Promotion", amount = 400m, reason = "压缩投放" })).Expect<AdjustmentView>(HttpStatusCode.Created);
        Assert.Equal(AdjustmentStatus.Approved, lowered.Status);

        var added = await (await planner.PostJson($"/api/activities/{id}/budget/adjustments",
            new { category = "Other", amount = 50m, reason = "快递费" })).Expect<AdjustmentView>(HttpStatusCode.Created);
        Assert.Equal(AdjustmentStatus.Pending, added.Status);
        Assert.Equal("no-budget-line", (await (await Spend(id, "Other", 10m)).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);

        var budget = await BudgetOf(id);
        Assert.Equal(400m, Line(budget, BudgetCategory.Promotion).Approved);
        Assert.Equal([300m, 500m, 400m], budget.Revisions.Where(r => r.Category == BudgetCategory.Promotion).Select(r => r.Amount));
        Assert.Equal([BudgetRevisionKind.Plan, BudgetRevisionKind.Raised, BudgetRevisionKind.Lowered],
            budget.Revisions.Where(r => r.Category == BudgetCategory.Promotion).Select(r => r.Kind));
        var codes = await App.WithDb(db => db.AuditEntries.Where(x => x.SubjectId == id.ToString() && x.Code.StartsWith("budget."))
            .Select(x => x.Code).ToListAsync(Ct));
        Assert.Contains("budget.adjustment.requested", codes);
        Assert.Contains("budget.adjustment.approved", codes);
        Assert.Contains("budget.line.lowered", codes);
    }

    [Fact]
    public async Task Settlement_sets_budget_against_actual_per_line_and_is_required_to_close()
    {
        var id = await BudgetedActivity();
        var promo = await Submitted(id, "Promotion", 280.40m);
        var staff = await Submitted(id, "Personnel", 1200m);
        var rejected = await Submitted(id, "Materials", 500m);
        await Post(promo.Id, "decision", new { decision = "approve" }, "finance");
        await Post(promo.Id, "payment", new { reference = "PAY-1" }, "finance");
        await Post(staff.Id, "decision", new { decision = "approve" }, "finance");
        await Post(rejected.Id, "decision", new { decision = "reject", reason = "重复报销" }, "finance");

        var early = await (await (await Planner).PostJson($"/api/activities/{id}/settlement", new { })).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("not-settleable", early.Code);
        await App.LaunchAsync(id);
        await App.EndAsync(id);
        // The plan has rewards: its results are published first (E3.1); what is left to close is the settlement.
        Assert.True((await (await Planner).PostJson($"/api/activities/{id}/results/publish", null)).IsSuccessStatusCode);

        var closing = await (await (await Planner).PostJson($"/api/activities/{id}/close", null)).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("settlement-required", closing.Code);
        var unexplained = await (await (await Planner).PostJson($"/api/activities/{id}/settlement", new { })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["explanations.Materials", "explanations.Promotion", "explanations.Rewards"], unexplained.Fields.Order());

        var settled = await (await (await Planner).PostJson($"/api/activities/{id}/settlement", new
        {
            explanations = new Dictionary<string, string> { ["Promotion"] = "海报议价", ["Rewards"] = "奖品由赞助方提供", ["Materials"] = "未采购" },
            summary = "总体节约",
        })).Expect<SettlementView>(HttpStatusCode.Created);
        var p = settled.Lines.Single(l => l.Category == BudgetCategory.Promotion);
        Assert.Equal((300m, 280.40m, -19.60m), (p.Budget, p.Actual, p.Variance));
        var r = settled.Lines.Single(l => l.Category == BudgetCategory.Personnel);
        Assert.Equal((1200m, 1200m, 0m, (string?)null), (r.Budget, r.Actual, r.Variance, r.Explanation));
        Assert.Equal(10299m, settled.Budget);
        Assert.Equal(1480.40m, settled.Actual);
        Assert.Equal(-8818.60m, settled.Variance);

        var csv = await (await (await App.As("finance")).GetAsync($"/api/activities/{id}/settlement/export.csv", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("300.00,280.40,-19.60,海报议价", csv);
        var xlsx = await (await App.As("finance")).GetAsync($"/api/activities/{id}/settlement/export.xlsx", Ct);
        await xlsx.ShouldBe(HttpStatusCode.OK);
        using (var zip = new System.IO.Compression.ZipArchive(await xlsx.Content.ReadAsStreamAsync(Ct)))
        {
            var sheet = await new StreamReader(zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/")).Open()).ReadToEndAsync(Ct);
            Assert.Contains("280.4", sheet);
            Assert.Contains("-19.6", sheet);
        }
        Assert.Equal("budget-not-spendable",
            (await (await Spend(id, "Personnel", 1m)).ExpectProblem(HttpStatusCode.Conflict)).Code);

        await (await (await Planner).PostJson($"/api/activities/{id}/close", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(ActivityStatus.Closed, (await Get(id)).Status);
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(x => x.Code == "budget.settled" && x.SubjectId == id.ToString(), Ct)));
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(x => x.Code == "activity.closed" && x.SubjectId == id.ToString(), Ct)));
    }

    [Fact]
    public async Task The_ended_demo_lottery_has_a_paid_expense_and_one_waiting_for_finance_and_the_chain_holds()
    {
        var ended = await App.WithDb(db => db.Activities.AsNoTracking().Where(a => a.Title == "十周年会员幸运抽奖").Select(a => a.Id).SingleAsync(Ct));
        var list = await (await (await App.As("finance")).GetAsync($"/api/activities/{ended}/expenses", Ct)).Expect<Page<ExpenseView>>(HttpStatusCode.OK);
        Assert.Contains(list.Items, e => e.Status == ExpenseStatus.Paid && e.Vouchers.Count == 1 && e.PaymentReference is not null);
        Assert.Contains(list.Items, e => e.Status == ExpenseStatus.Submitted && e.Vouchers.Count == 1);
        var check = await App.WithDb(db => new Web.Audit.AuditLog(db, TimeProvider.System).VerifyAsync(Ct));
        Assert.True(check.Ok, check.Reason);
    }

    [Fact]
    public async Task Finance_filters_the_ledger_across_activities()
    {
        var id = await BudgetedActivity();
        var e = await Submitted(id, "Personnel", 99.99m);
        var finance = await App.As("finance");
        var page = await (await finance.GetAsync($"/api/expenses?activityId={id}&status=Submitted&category=Personnel&from=2026-11-01&to=2026-11-30", Ct))
            .Expect<Page<ExpenseView>>(HttpStatusCode.OK);
        Assert.Equal([e.Id], page.Items.Select(i => i.Id));
        Assert.Equal(0, (await (await finance.GetAsync($"/api/expenses?activityId={id}&status=Paid", Ct)).Expect<Page<ExpenseView>>(HttpStatusCode.OK)).Total);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Planner).GetAsync("/api/expenses", Ct)).StatusCode);
    }
}

public sealed class BudgetApiTests_Sqlite(SqliteApp app) : BudgetApiTests(app), IClassFixture<SqliteApp>;
public sealed class BudgetApiTests_Postgres(PostgresApp app) : BudgetApiTests(app), IClassFixture<PostgresApp>;
