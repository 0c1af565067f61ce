using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Evaluation;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Budget;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Budget;

public abstract partial class BudgetApiTests
{
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

        await App.WriteSummaryAsync(id); // closing also needs the summary (E3.3)
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
