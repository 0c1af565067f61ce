using System.Text;
using Huodong.Tests.Builders;
using Huodong.Web.Budget;
using Huodong.Web.Planning;

namespace Huodong.Tests.Budget;

/// <summary>The budget's rules where they live: money, voucher sniffing, the expense lifecycle, settlement lines, Close.</summary>
public sealed class BudgetRulesTests
{
    private static readonly Guid Planner = Guid.NewGuid();
    private static readonly Guid Finance = Guid.NewGuid();
    private static readonly Guid Leader = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private const long Threshold = 500_000; // ¥5,000.00

    private static Expense Submitted(decimal amount, Guid? by = null)
    {
        var e = new Expense(Guid.NewGuid(), BudgetCategory.Materials, Money.ToFen(amount), "供应商", new DateOnly(2026, 11, 19), "奖品", by ?? Planner, At);
        Assert.True(e.Submit(by ?? Planner, vouchers: 1, At).IsOk);
        return e;
    }

    [Theory]
    [InlineData("0.01", null)]
    [InlineData("100000000", null)]
    [InlineData("0", "The amount must be positive.")]
    [InlineData("-5", "The amount must be positive.")]
    [InlineData("1.005", "Use at most two decimals (fen).")]
    [InlineData("100000000.01", "The amount is too large.")]
    public void Amounts_are_positive_yuan_with_at_most_two_decimals(string amount, string? message) =>
        Assert.Equal(message, Money.Invalid(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Fen_round_trip_exactly_and_read_back_with_two_decimals()
    {
        Assert.Equal(1_234_567_89L, Money.ToFen(1_234_567.89m));
        Assert.Equal("195.50", Money.ToYuan(19_550).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Vouchers_are_recognised_by_their_bytes_not_their_names()
    {
        Assert.Equal(VoucherFiles.Kind.Pdf, VoucherFiles.Sniff(Encoding.ASCII.GetBytes("%PDF-1.7 …")));
        Assert.Equal(VoucherFiles.Kind.Png, VoucherFiles.Sniff(BudgetApiTests.Png()));
        Assert.Equal(VoucherFiles.Kind.Jpeg, VoucherFiles.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Null(VoucherFiles.Sniff([0x4D, 0x5A, 0x90, 0x00])); // a Windows executable
        Assert.Null(VoucherFiles.Sniff(Encoding.UTF8.GetBytes("<html>%PDF-")));
        Assert.Equal(VoucherFiles.Kind.Jpeg, VoucherFiles.FromName("发票.JPEG"));
        Assert.Null(VoucherFiles.FromName("invoice.pdf.exe"));
    }

    [Fact]
    public void Nobody_decides_an_expense_they_recorded_or_submitted()
    {
        var e = Submitted(100m);
        Assert.Equal("own-expense", e.DecideAsFinance(Planner, approve: true, null, Threshold, At).Error?.Code);
        Assert.Equal(ExpenseStatus.Submitted, e.Status);
        Assert.True(e.DecideAsFinance(Finance, approve: true, null, Threshold, At).IsOk);
        Assert.Equal("own-expense", e.Pay(Planner, "PAY-1", At).Error?.Code);
    }

    [Fact]
    public void Above_the_threshold_finance_approval_waits_for_the_leader_and_at_it_does_not()
    {
        var big = Submitted(5000.01m);
        Assert.True(big.DecideAsFinance(Finance, true, null, Threshold, At).IsOk);
        Assert.Equal(ExpenseStatus.AwaitingLeader, big.Status);
        Assert.Equal("wrong-state", big.Pay(Finance, "PAY-1", At).Error?.Code);
        Assert.True(big.DecideAsLeader(Leader, true, null, At).IsOk);
        Assert.Equal(ExpenseStatus.Approved, big.Status);

        var atThreshold = Submitted(5000m);
        Assert.True(atThreshold.DecideAsFinance(Finance, true, null, Threshold, At).IsOk);
        Assert.Equal(ExpenseStatus.Approved, atThreshold.Status);
    }

    [Fact]
    public void Submitting_needs_a_voucher_and_rejecting_needs_a_reason()
    {
        var e = new Expense(Guid.NewGuid(), BudgetCategory.Other, 100, "x", new DateOnly(2026, 11, 1), "y", Planner, At);
        Assert.Equal("voucher-required", e.Submit(Planner, 0, At).Error?.Code);
        Assert.True(e.Submit(Planner, 2, At).IsOk);
        Assert.Equal(["reason"], e.DecideAsFinance(Finance, false, " ", Threshold, At).Error?.Fields?.Keys);
        Assert.True(e.DecideAsFinance(Finance, false, "发票不合规", Threshold, At).IsOk);
        Assert.Equal(ExpenseStatus.Rejected, e.Status);
        Assert.False(e.IsActual);
    }

    [Fact]
    public void A_settlement_line_variance_is_actual_minus_budget_and_totals_are_kept_in_fen()
    {
        var lines = new[]
        {
            new SettlementLine(BudgetCategory.Promotion, 300m, 280.40m, "议价"),
            new SettlementLine(BudgetCategory.Rewards, 799m, 812.35m, "运费"),
        };
        Assert.Equal(-19.60m, lines[0].Variance);
        Assert.Equal(13.35m, lines[1].Variance);
        var s = new Settlement(Guid.NewGuid(), lines, null, Planner, At);
        Assert.Equal(109_900, s.BudgetFen);
        Assert.Equal(109_275, s.ActualFen);
        Assert.Equal(lines, s.Lines);
    }

    [Fact]
    public void An_activity_closes_only_after_its_results_are_published_its_awards_settled_and_its_budget_settled()
    {
        var approved = new ActivityBuilder().Approved().Build();
        Assert.Equal("wrong-state", approved.Close(ActivityBuilder.Author, 0, budgetSettled: true, summaryWritten: true, ActivityBuilder.Later).Error?.Code);

        var ended = new ActivityBuilder().Approved()
            .Then((a, _) => a.Launch(ActivityBuilder.Author, a.StartsAt!.Value))
            .Then((a, _) => a.End(ActivityBuilder.Author, a.EndsAt!.Value)).Build();
        // The plan has rewards: its results must be published before it can close (E3.1).
        Assert.Equal("wrong-state", ended.Close(ActivityBuilder.Author, 0, budgetSettled: true, summaryWritten: true, ended.EndsAt!.Value).Error?.Code);
        Assert.True(ended.PublishResults(ActivityBuilder.Author, ended.EndsAt!.Value).IsOk);
        Assert.Equal("awards-unsettled", ended.Close(ActivityBuilder.Author, 2, budgetSettled: true, summaryWritten: true, ended.EndsAt!.Value).Error?.Code);
        Assert.Equal("settlement-required", ended.Close(ActivityBuilder.Author, 0, budgetSettled: false, summaryWritten: true, ended.EndsAt!.Value).Error?.Code);
        Assert.Equal("not-on-team", ended.Close(ActivityBuilder.Outsider, 0, budgetSettled: true, summaryWritten: true, ended.EndsAt!.Value).Error?.Code);
        Assert.True(ended.Close(ActivityBuilder.Author, 0, budgetSettled: true, summaryWritten: true, ended.EndsAt!.Value).IsOk);
        Assert.Equal(ActivityStatus.Closed, ended.Status);
        Assert.Equal("activity.closed", ended.Transitions[^1].Action);
    }
}
