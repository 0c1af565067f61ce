using Huodong.Web.Evaluation.Summary;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Improvement;

/// <summary>
/// Demo evaluation (E3.3, V3): the Closed check-in's summary, written before it is closed, and three improvement
/// actions from it — one done and applied in the later check-in challenge (the Returned plan, being edited again), one
/// open, one in progress and overdue — so the challenge's editor shows what earlier check-ins taught.
/// </summary>
public static class DemoImprovements
{
    public const string LaterCheckIn = "21 天打卡挑战";

    /// <summary>The summary of the Closed demo, through the real use case (closing needs it).</summary>
    public static async Task SummaryAsync(IServiceProvider services, IReadOnlyDictionary<string, AppUser> staff, Guid closedId, CancellationToken ct)
    {
        var written = await services.GetRequiredService<WriteSummary>().ExecuteAsync(Planner(staff), closedId, new SummaryInput(
            """
            - 打卡任务简单明确，20 名报名会员中 12 人完成了回复打卡。
            - 抽奖过程公开可验证，中奖名单发布后没有收到质疑。
            - 实物奖品全部在两周内送达并获中奖者确认。
            """,
            """
            - 报名后有 8 人一次也没有打卡：开始前缺少提醒。
            - 积分奖励到账后只有三分之二的中奖者确认领取。
            - 打卡只有一天，会员反映来不及分享完整体验。
            """,
            """
            - “希望后续增加更多音效模式”——多名会员在回复中提到。
            - 希望打卡周期更长，可以记录一周的使用感受。
            - 建议活动开始前一天推送提醒。
            """), ct);
        if (!written.IsOk) throw new InvalidOperationException($"Demo seed step failed: {written.Error!.Code}");
    }

    /// <summary>The actions, after the later check-in plan exists.</summary>
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, AppUser> staff, Guid closedId, CancellationToken ct)
    {
        var db = services.GetRequiredService<Data.HuodongDb>();
        var add = services.GetRequiredService<AddImprovement>();
        var change = services.GetRequiredService<ChangeImprovement>();
        var apply = services.GetRequiredService<ApplyImprovement>();
        var today = DateOnly.FromDateTime(Shared.Display.InChina(services.GetRequiredService<TimeProvider>().GetUtcNow()).DateTime);
        var planner = Planner(staff);
        var later = await db.Activities.Where(a => a.Title == LaterCheckIn).Select(a => a.Id).SingleAsync(ct);

        var reminder = Ensure(await add.ExecuteAsync(planner, closedId, new NewImprovement("开始前一天推送打卡提醒",
            "活动开始前一天通过站内信和邮件提醒已报名会员，并在每天打卡截止前两小时再提醒一次。",
            staff["planner"].Email, today.AddDays(-5), MetricKeys.ParticipationRate, null), ct));
        Ensure(await apply.ApplyAsync(planner, reminder.Id, later, ct));
        Ensure(await change.UpdateAsync(planner, reminder.Id, new ImprovementChange(ImprovementStatus.Done, null, null), ct));

        Ensure(await add.ExecuteAsync(planner, closedId, new NewImprovement("打卡周期延长到一周",
            "把单日打卡改为连续七天，每天一个体验主题，便于会员记录完整的使用感受。",
            staff["planner2"].Email, today.AddDays(20), MetricKeys.Interactions, null), ct));

        var confirm = Ensure(await add.ExecuteAsync(planner, closedId, new NewImprovement("积分奖励到账后提醒确认",
            "积分到账时同时发送确认提醒，七天未确认的再提醒一次，并在结果页说明确认方式。",
            staff["planner"].Email, today.AddDays(-3), MetricKeys.Csat, null), ct));
        Ensure(await change.UpdateAsync(planner, confirm.Id, new ImprovementChange(ImprovementStatus.InProgress, null, null), ct));
    }

    private static Actor Planner(IReadOnlyDictionary<string, AppUser> staff) => new(staff["planner"].Id, new HashSet<string> { Roles.Planner });

    private static T Ensure<T>(Shared.Result<T> result) =>
        result.IsOk ? result.Value! : throw new InvalidOperationException($"Demo seed step failed: {result.Error!.Code}");
}
