using Huodong.Web.Planning;

namespace Huodong.Web.People;

/// <summary>Complete, realistic plans for the demo seed and for tests.</summary>
public static class DemoPlans
{
    private static DateTimeOffset Day(DateTimeOffset now, int days, int hour) =>
        new DateTimeOffset(now.UtcDateTime.Date.AddDays(days), TimeSpan.Zero).AddHours(hour - 8); // hour in China time

    public static Plan Complete(DateTimeOffset now, string title, ActivityFormat format, int days, int durationDays = 1) => new()
    {
        Title = title,
        Theme = "用户共创，分享真实使用体验",
        Summary = "邀请社区会员分享使用产品的真实故事，评选优秀作品并给予奖励。",
        Format = format,
        Content = "## 活动规则\n1. 报名后在活动期间提交作品；\n2. 作品须为原创，禁止抄袭；\n3. 评审按创意、质量、互动评分。",
        Participation = new ParticipationPlan { Method = ParticipationMethod.Registration, Capacity = 500, Waitlist = true },
        Eligibility = new EligibilityRule { MinLevel = 1 },
        Schedule = new Schedule
        {
            RegistrationOpensAt = Day(now, days - 14, 9),
            RegistrationClosesAt = Day(now, days, 9),
            StartsAt = Day(now, days, 10),
            EndsAt = Day(now, days + durationDays, 22),
        },
        Rewards =
        [
            new RewardSetting("一等奖 蓝牙耳机", RewardKind.Physical, 1, 599m, RewardRule.Ranking),
            new RewardSetting("参与奖 200 积分", RewardKind.Points, 100, 2m, RewardRule.AllCompleters),
        ],
        Resources = new ResourcePlan
        {
            People = "策划 2 人，值守 1 人，评审 3 人",
            Materials = "奖品（耳机 1 副），活动海报，直播设备",
            Notes = "评审由运营与产品部门代表组成",
        },
        Risks =
        [
            new Risk("报名高峰期系统压力大", RiskLevel.Medium, RiskLevel.High, "提前压测，准备扩容方案"),
            new Risk("出现抄袭作品", RiskLevel.Medium, RiskLevel.Medium, "抄袭检测 + 举报通道，一经核实取消资格"),
        ],
        Budget =
        [
            new BudgetLine(BudgetCategory.Rewards, 799m, "耳机 599 + 积分 200"),
            new BudgetLine(BudgetCategory.Promotion, 300m, "海报设计"),
            new BudgetLine(BudgetCategory.Personnel, 1200m, "评审劳务"),
        ],
        Evidence = [new NeedsEvidence("2026 年 10 月会员需求问卷（n=1,204）", "62% 的会员希望有作品分享类活动")],
    };

    public static Plan Incomplete(DateTimeOffset now) => new()
    {
        Title = "年终会员故事征集",
        Theme = "回顾这一年",
        Format = ActivityFormat.Other,
    };

    public static Plan PhotoContest(DateTimeOffset now, int days) =>
        Complete(now, "城市角落摄影大赛", ActivityFormat.Contest, days, durationDays: 7);

    public static Plan KnowledgeQuiz(DateTimeOffset now, int days) =>
        Complete(now, "产品知识问答周", ActivityFormat.Quiz, days, durationDays: 5);

    public static Plan CheckInChallenge(DateTimeOffset now, int days) =>
        Complete(now, "21 天打卡挑战", ActivityFormat.CheckIn, days, durationDays: 21);

    public static Plan SpringLivestream(DateTimeOffset now) =>
        Complete(now, "新品发布直播互动", ActivityFormat.Livestream, days: 7);

    public static Plan DiscussionWeek(DateTimeOffset now, int days) =>
        Complete(now, "用户共创讨论周", ActivityFormat.Discussion, days, durationDays: 6);

    /// <summary>The Ended demo: a lottery that ran last week, with a Draw reward still to draw.</summary>
    public static Plan EndedLottery(DateTimeOffset now) => Complete(now, "十周年会员幸运抽奖", ActivityFormat.Lottery, days: -10) with
    {
        Schedule = new Schedule
        {
            RegistrationOpensAt = now.AddDays(-25), RegistrationClosesAt = now.AddDays(-11),
            StartsAt = now.AddDays(-10.5), EndsAt = now.AddDays(-7.1),
        },
        Rewards =
        [
            new RewardSetting("幸运奖 智能手环", RewardKind.Physical, 3, 199m, RewardRule.Draw),
            new RewardSetting("参与奖 50 积分", RewardKind.Points, 36, 0.5m, RewardRule.AllCompleters),
        ],
        Budget = [new BudgetLine(BudgetCategory.Rewards, 615m, "手环 3 × 199 + 积分 36 × 0.5"),
                  new BudgetLine(BudgetCategory.Promotion, 200m, "抽奖海报")],
        Participation = new ParticipationPlan { Method = ParticipationMethod.Registration, Capacity = 100, Waitlist = false },
        // V1.3, V1.4: what the anniversary should bring, measured by the team after the end (the report's goals form).
        Goals = [new PlanGoal("新增关注公众号", 300m, "人"), new PlanGoal("周年庆商城下单", 50m, "单")],
        BenefitValue = 3000m,
    };

    /// <summary>The Live demo: a reply-mode Q&amp;A during a product livestream, started an hour ago.</summary>
    public static Plan LiveQuiz(DateTimeOffset now) => Complete(now, "新品直播有奖问答", ActivityFormat.Quiz, days: 0) with
    {
        Schedule = new Schedule
        {
            RegistrationOpensAt = now.AddDays(-10), RegistrationClosesAt = now.AddDays(1),
            StartsAt = now.AddHours(-1), EndsAt = now.AddDays(2),
        },
        Content = "## 活动规则\n1. 直播期间回复问答，回复须包含“新品”二字，且不少于 10 个字；\n2. 每位会员可多次回复；\n3. 禁止刷屏与广告。",
        Participation = new ParticipationPlan
        {
            Method = ParticipationMethod.Reply, Capacity = 300, Waitlist = true, ReplyRule = new ReplyRule("新品", 10),
        },
        Rewards = [new RewardSetting("答题奖 100 积分", RewardKind.Points, 50, 1m, RewardRule.AllCompleters)],
        Budget = [new BudgetLine(BudgetCategory.Rewards, 50m, "积分 50 × 1"), new BudgetLine(BudgetCategory.TechSupport, 500m, "直播推流")],
    };

    public static Plan LuckyDraw(DateTimeOffset now, int days) => Complete(now, "周年庆幸运抽奖", ActivityFormat.Lottery, days) with
    {
        Rewards = [new RewardSetting("笔记本电脑", RewardKind.Physical, 5, 8000m, RewardRule.Draw)],
        Budget = [new BudgetLine(BudgetCategory.Rewards, 40000m, "笔记本电脑 5 台")],
    };
    /// <summary>The Closed demo: a reply-mode check-in that ran about seven weeks ago; results published, awards delivered.</summary>
    public static Plan ClosedCheckIn(DateTimeOffset now) => Complete(now, "夏季新品体验打卡", ActivityFormat.CheckIn, days: -50) with
    {
        Goals = [new PlanGoal("新品页访问", 500m, "次")],
        BenefitValue = 2400m,
        Schedule = new Schedule
        {
            RegistrationOpensAt = now.AddDays(-64), RegistrationClosesAt = now.AddDays(-49),
            StartsAt = now.AddDays(-50), EndsAt = now.AddDays(-45),
        },
        Content = "## 活动规则\n1. 活动期间回复体验心得，回复须包含“体验”二字，且不少于 10 个字；\n2. 完成打卡即得 50 积分；\n3. 活动结束后在全部报名者中公开抽取 2 名送定制保温杯。",
        Participation = new ParticipationPlan
        {
            Method = ParticipationMethod.Reply, Capacity = 200, Waitlist = false, ReplyRule = new ReplyRule("体验", 10),
        },
        Rewards =
        [
            new RewardSetting("定制保温杯", RewardKind.Physical, 2, 89m, RewardRule.Draw),
            new RewardSetting("打卡积分", RewardKind.Points, 20, 50m, RewardRule.AllCompleters),
        ],
        Budget = [new BudgetLine(BudgetCategory.Rewards, 1178m, "保温杯 2 × 89 + 积分 20 × 50"),
                  new BudgetLine(BudgetCategory.Promotion, 100m, "活动海报")],
    };
}
