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

public abstract partial class BudgetApiTests
{
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
}
