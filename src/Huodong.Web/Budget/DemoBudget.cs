using System.Text;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Budget;

/// <summary>
/// Demo money (B2): on an approved activity, the planner records two expenses with vouchers — promotion posters that
/// Finance approved and paid, and the lottery's prizes submitted and waiting for Finance. With <c>settle</c> (for an
/// Ended activity about to be closed) the second is approved and paid too and the team settles the budget, explaining
/// each variance; closing is then <see cref="Rewards.CloseActivity"/>. Everything goes through the real use cases.
/// </summary>
public static class DemoBudget
{
    /// <summary>A 1×1 PNG: a voucher that is really an image.</summary>
    private static readonly byte[] PosterReceipt = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static byte[] Invoice(Guid activityId) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% demo invoice for activity {activityId:N}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, AppUser> staff, Guid activityId,
        bool settle, CancellationToken ct)
    {
        var record = services.GetRequiredService<RecordExpense>();
        var decide = services.GetRequiredService<DecideExpense>();
        var time = services.GetRequiredService<TimeProvider>();
        var planner = new Actor(staff["planner"].Id, new HashSet<string> { Roles.Planner });
        var finance = new Actor(staff["finance"].Id, new HashSet<string> { Roles.Finance });
        var today = DateOnly.FromDateTime(Display.InChina(time.GetUtcNow()).DateTime);

        var posters = Ensure(await record.CreateAsync(planner, activityId,
            new ExpenseInput(nameof(BudgetCategory.Promotion), 180.00m, "上海彩印设计工作室", today.AddDays(-20), "抽奖活动海报设计与印刷"), ct));
        Ensure(await record.AttachVoucherAsync(planner, posters.Id, new VoucherUpload("海报发票.png", PosterReceipt), ct));
        Ensure(await record.SubmitAsync(planner, posters.Id, ct));
        Ensure(await decide.DecideAsync(finance, posters.Id, new DecisionInput("approve", "发票与合同一致"), ct));
        Ensure(await decide.PayAsync(finance, posters.Id, new PaymentInput("PAY-DEMO-0001"), ct));

        var prizes = Ensure(await record.CreateAsync(planner, activityId,
            new ExpenseInput(nameof(BudgetCategory.Rewards), 597.00m, "京东企业购", today.AddDays(-9), "幸运奖手环 3 × 199"), ct));
        Ensure(await record.AttachVoucherAsync(planner, prizes.Id, new VoucherUpload("手环发票.pdf", Invoice(activityId)), ct));
        Ensure(await record.SubmitAsync(planner, prizes.Id, ct));
        if (!settle) return;

        Ensure(await decide.DecideAsync(finance, prizes.Id, new DecisionInput("approve", null), ct));
        Ensure(await decide.PayAsync(finance, prizes.Id, new PaymentInput("PAY-DEMO-0002"), ct));
        var preview = await SettleBudget.PreviewAsync(services.GetRequiredService<Data.HuodongDb>(),
            (await services.GetRequiredService<Data.HuodongDb>().Activities.FindAsync([activityId], ct))!, ct);
        var explanations = preview.Lines.Where(l => l.Variance != 0)
            .ToDictionary(l => l.Category.ToString(), l => (string?)(l.Variance < 0 ? "实际支出低于预算，余额退回" : "超支部分已获调整批准"));
        Ensure(await services.GetRequiredService<SettleBudget>().SettleAsync(planner, activityId,
            new SettleInput(explanations, "预算执行良好，凭证齐全。"), ct));
    }

    /// <summary>
    /// For an activity about to be closed: one paid expense per approved budget line (80% of the line, with a voucher)
    /// and the settlement explaining each variance.
    /// </summary>
    public static async Task SettleAsync(IServiceProvider services, IReadOnlyDictionary<string, AppUser> staff, Guid activityId,
        CancellationToken ct)
    {
        var db = services.GetRequiredService<Data.HuodongDb>();
        var record = services.GetRequiredService<RecordExpense>();
        var decide = services.GetRequiredService<DecideExpense>();
        var time = services.GetRequiredService<TimeProvider>();
        var planner = new Actor(staff["planner"].Id, new HashSet<string> { Roles.Planner });
        var finance = new Actor(staff["finance"].Id, new HashSet<string> { Roles.Finance });
        var activity = (await db.Activities.FindAsync([activityId], ct))!;
        var spentOn = DateOnly.FromDateTime(Display.InChina(activity.EndsAt ?? time.GetUtcNow()).DateTime);
        var n = 0;
        foreach (var line in activity.ApprovedPlan!.Budget.Where(l => l.Amount > 0))
        {
            n++;
            var expense = Ensure(await record.CreateAsync(planner, activityId, new ExpenseInput(line.Category.ToString(),
                Math.Round(line.Amount * 0.8m, 2), "上海优选供应链有限公司", spentOn, line.Note ?? line.Category.ToString()), ct));
            Ensure(await record.AttachVoucherAsync(planner, expense.Id,
                new VoucherUpload($"发票-{n}.pdf", Encoding.ASCII.GetBytes($"%PDF-1.4\n% demo invoice {activityId:N} line {n}\n%%EOF\n")), ct));
            Ensure(await record.SubmitAsync(planner, expense.Id, ct));
            Ensure(await decide.DecideAsync(finance, expense.Id, new DecisionInput("approve", "凭证齐全"), ct));
            Ensure(await decide.PayAsync(finance, expense.Id, new PaymentInput($"PAY-DEMO-C{n:000}"), ct));
        }
        var preview = await SettleBudget.PreviewAsync(db, activity, ct);
        var explanations = preview.Lines.Where(l => l.Variance != 0)
            .ToDictionary(l => l.Category.ToString(), l => (string?)"实际支出低于预算，余额退回");
        Ensure(await services.GetRequiredService<SettleBudget>().SettleAsync(planner, activityId,
            new SettleInput(explanations, "预算执行良好，凭证齐全，结余退回。"), ct));
    }

    private static T Ensure<T>(Result<T> result) =>
        result.IsOk ? result.Value! : throw new InvalidOperationException($"Demo budget step failed: {result.Error!.Code}");
}
