using Huodong.Web.Approval;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Rewards;
using Huodong.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.People;

/// <summary>
/// Demo activities that already happened or are happening now: a Closed one with published results and delivered
/// awards, a Live one and an Ended one with 30+ confirmed
/// registrations and a Draw reward not yet drawn (API.md). They are driven through the real use cases on a clock
/// set back in time, step by step in time order, so their history, events and audit chain read as they would.
/// </summary>
public sealed class DemoHistory(HuodongDb db, FieldProtector protector, DateTimeOffset now)
{
    private readonly DemoClock _clock = new(now);

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];
    // Twelve different replies: near-identical ones would (rightly) open plagiarism cases in the demo.
    private static readonly string[] Replies =
    [
        "新品的续航比上一代长了一整天，出差不用带充电宝。", "最喜欢新品的夜景拍照，路灯下也看得清招牌上的字。",
        "新品更轻了，单手拿着追剧一点都不累。", "新品的屏幕在阳光下也很亮，骑车看导航很方便。",
        "新品充电二十分钟就到八成，早上出门前插一下就够。", "喜欢新品的防水，下雨天在外面接电话不用担心。",
        "新品的扬声器声音很饱满，周末在家看电影很过瘾。", "给父母买了新品，大字模式和语音助手他们一学就会。",
        "新品的指纹识别快多了，戴着手套也能解锁。", "新品的配色很好看，朋友们都问我在哪里买的。",
        "新品支持双卡双待，工作和生活的号码终于分开了。", "新品散热做得好，打一小时游戏机身也不烫。",
    ];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛"];

    /// <summary>Seeds the history; returns the live activity's id.</summary>
    public async Task<Guid> SeedAsync(IReadOnlyDictionary<string, AppUser> staff, List<AppUser> members, CancellationToken ct)
    {
        var audit = new AuditLog(db, _clock);
        var store = new ActivityStore(db, audit);
        var plans = new PlanUseCases(store, _clock);
        var review = new ReviewPlan(store, _clock);
        // Demo posts go through the conduct screen with the default rules, on the demo clock (the starter lexicon comes after).
        var conduct = Microsoft.Extensions.Options.Options.Create(new Conduct.ConductOptions());
        // No request behind the seed: nothing to trace; demo submissions are fingerprinted like any other.
        var register = new RegisterMember(db, protector, _clock,
            new Conduct.Cheating.RegistrationWatch(db, new Conduct.Cheating.ClientFingerprint(protector), new HttpContextAccessor(), conduct, _clock));
        var screen = new Conduct.ContentScreen(db, new Conduct.LexiconCache(conduct), conduct, _clock);
        var discussion = new Discussion(db, _clock, screen);
        var submit = new SubmitEntry(db, _clock, screen, new Conduct.Cheating.PlagiarismCheck(db, conduct, _clock));
        var planner = Actor(staff["planner"], Roles.Planner);
        var head = Actor(staff["head"], Roles.CommunityHead);
        var leader = Actor(staff["leader"], Roles.Leader);

        async Task<Guid> Approved(Plan plan, double daysAgo)
        {
            At(-daysAgo);
            var id = Ensure(await plans.CreateAsync(planner, plan, ct)).Id;
            At(-daysAgo + 0.05);
            Ensure(await plans.SubmitAsync(planner, id, ct));
            At(-daysAgo + 0.3);
            Ensure(await review.ExecuteAsync(head, id, Pass("同意，注意控制奖品成本。"), ct));
            At(-daysAgo + 0.6);
            Ensure(await review.ExecuteAsync(leader, id, Pass("批准实施。"), ct));
            return id;
        }

        async Task Register(Guid activity, IEnumerable<AppUser> who, double fromDaysAgo, double toDaysAgo)
        {
            var list = who.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                At(-(fromDaysAgo - (fromDaysAgo - toDaysAgo) * i / Math.Max(1, list.Count)));
                var m = list[i];
                var n = 1 + members.IndexOf(m); // the same member always gives the same name and phone
                Ensure(await register.ExecuteAsync(Actor(m, Roles.Member), activity,
                    new RegistrationInput(Surnames[n % Surnames.Length] + Given[n * 7 % Given.Length] + Given[n % Given.Length],
                        $"139{(n * 7919) % 100_000_000:00000000}", null, null), ct));
            }
        }

        async Task Move(Guid id, Func<Activity, Shared.Result> step)
        {
            Ensure(await store.InTransactionAsync<Activity>(async () =>
            {
                var a = (await store.FindAsync(id, ct))!;
                var r = step(a);
                return r.IsOk ? a : r.Error!;
            }, ct));
        }

        await SeedClosedAsync(staff, members, store, audit, Approved, Register, Move, ct);

        // Ended: an anniversary lottery that ran last week; 36 confirmed entrants, the draw not yet made.
        var lottery = await Approved(DemoPlans.EndedLottery(now), daysAgo: 30);
        await Register(lottery, members.Take(36), fromDaysAgo: 24, toDaysAgo: 12);

        // Live: a reply-mode Q&A livestream that started an hour ago.
        var live = await Approved(DemoPlans.LiveQuiz(now), daysAgo: 12);
        At(-10.5);
        await Move(lottery, a => a.Launch(planner.Id, _clock.GetUtcNow()));
        await Register(live, members.Skip(40).Take(48), fromDaysAgo: 9, toDaysAgo: 0.2);
        At(-7.1);
        await Move(lottery, a => a.End(planner.Id, _clock.GetUtcNow()));
        At(-1.0 / 24);
        await Move(live, a => a.Launch(planner.Id, _clock.GetUtcNow()));

        At(-0.035);
        var q1 = Ensure(await discussion.PostAsync(Actor(members[41], Roles.Member), live, "请问答题需要包含什么关键词？", null, true, ct));
        At(-0.03);
        Ensure(await discussion.PostAsync(planner, live, "回复中包含“新品”二字，且不少于 10 个字即可。", q1.Id, false, ct));
        for (var i = 0; i < 12; i++)
        {
            At(-0.025 + i * 0.0015);
            Ensure(await submit.ExecuteAsync(Actor(members[42 + i], Roles.Member), live,
                Replies[i], null, ct));
        }
        At(-0.008);
        Ensure(await discussion.PostAsync(Actor(members[55], Roles.Member), live, "直播回放在哪里可以看？", null, true, ct));
        At(-0.005);
        Ensure(await discussion.PostAsync(Actor(members[56], Roles.Member), live, "期待抽奖环节！", null, false, ct));

        // E2.2: the moderator on watch logs a member's report of stream lag, still open when the demo starts.
        At(-0.003);
        var moderator = Actor(staff["moderator"], Roles.Moderator);
        Ensure(await new LiveOps.HandleIncident(store, audit, _clock).OpenAsync(moderator, live, new LiveOps.OpenIncidentInput(
            LiveOps.IncidentKind.TechnicalFault, LiveOps.IncidentSeverity.High, "直播画面卡顿",
            "多名会员在评论区反映直播画面卡顿、声音不同步，正在联系直播平台排查。", staff["moderator"].Id), ct));
        return live;
    }

    /// <summary>
    /// Closed (E3): a reply-mode check-in seven weeks ago — 20 registered, 12 replied; a committed and revealed draw for
    /// two bottles (both in stock); results published; every award delivered (points credited, bottles shipped to the
    /// winners' encrypted addresses), most confirmed by their winners; then closed.
    /// </summary>
    private async Task SeedClosedAsync(IReadOnlyDictionary<string, AppUser> staff, List<AppUser> members, ActivityStore store,
        AuditLog audit, Func<Plan, double, Task<Guid>> approved, Func<Guid, IEnumerable<AppUser>, double, double, Task> register,
        Func<Guid, Func<Activity, Shared.Result>, Task> move, CancellationToken ct)
    {
        var planner = Actor(staff["planner"], Roles.Planner);
        var id = await approved(DemoPlans.ClosedCheckIn(now), 70);
        At(-68);
        Ensure(await new Preparation.Materials(store, audit, _clock).AddAsync(planner, id, new Preparation.MaterialInput("定制保温杯",
            Preparation.MaterialKind.Prize, 2, 2, staff["planner"].Email, Preparation.MaterialStatus.Ready, "已到货，存放于市场部"), ct));
        var entrants = members.Skip(100).Take(20).ToList();
        await register(id, entrants, 63, 51);
        At(-50);
        await move(id, a => a.Launch(planner.Id, _clock.GetUtcNow()));
        var conduct = Microsoft.Extensions.Options.Options.Create(new Conduct.ConductOptions());
        var submit = new SubmitEntry(db, _clock, new Conduct.ContentScreen(db, new Conduct.LexiconCache(conduct), conduct, _clock),
            new Conduct.Cheating.PlagiarismCheck(db, conduct, _clock));
        string[] checkIns =
        [
            "第一天打卡：早上用新品听了半小时播客，降噪效果让地铁安静了很多。", "续航真的顶，充一次电用了整整三天才提示电量低。",
            "今天带着它去跑步，佩戴很稳，出汗后也没有滑落。", "和旧款对比了一下，低音更饱满，人声也更清楚。",
            "开会时用来接电话，同事说我的声音比以前清晰。", "连接手机和电脑来回切换，比想象中顺畅，不用重新配对。",
            "周末爬山用了一天，防水表现不错，小雨里照常使用。", "耳机盒小巧，放进牛仔裤口袋里几乎感觉不到。",
            "试了游戏模式，延迟明显降低，打团时声音和画面同步。", "晚上睡前听白噪音，佩戴舒适，侧躺也不会硌耳朵。",
            "给家里老人试戴，操作简单，他们很快就学会了接听。", "坚持打卡到最后一天，整体满意，希望后续增加更多音效模式。",
        ];
        for (var i = 0; i < 12; i++)
        {
            At(-49.5 + i * 0.3);
            Ensure(await submit.ExecuteAsync(Actor(entrants[i], Roles.Member), id, $"体验第{i + 1}天｜{checkIns[i]}", null, ct));
        }
        At(-45);
        await move(id, a => a.End(planner.Id, _clock.GetUtcNow()));

        At(-44.9);
        var draw = Ensure(await new CreateDraw(store, audit, protector, _clock).CreateAsync(planner, id,
            new CreateDrawInput(2, "上证指数 收盘点位（活动结束次日）3287.45", "定制保温杯"), ct));
        At(-44.2);
        Ensure(await new RevealDraw(db, audit, protector, _clock).RevealAsync(planner, draw.Id, ct));
        At(-44);
        Ensure(await new PublishResults(store, new Winners(db), audit, protector, _clock).ExecuteAsync(planner, id, ct));

        var awards = await db.Set<Award>().Where(a => a.ActivityId == id).OrderBy(a => a.RewardName).ThenBy(a => a.Rank).ToListAsync(ct);
        var changes = new AwardChanges(db, audit, protector, _clock);
        var deliver = new DeliverAward(db, audit, _clock);
        Actor WinnerOf(Award a) => Actor(members.First(m => m.Id == a.MemberId), Roles.Member);
        int NumberOf(Award a) => 1 + members.FindIndex(m => m.Id == a.MemberId);
        var points = awards.Where(a => a.Kind == RewardKind.Points).ToList();
        var bottles = awards.Where(a => a.Kind == RewardKind.Physical).ToList();
        // In time order: points credited at once, the bottle winners give their addresses, points confirmed,
        // bottles shipped with tracking numbers, bottles confirmed. One points award in three stays unconfirmed.
        foreach (var a in points)
        {
            At(-43.9 + a.Rank * 0.001);
            Ensure(await deliver.ExecuteAsync(planner, a.Id, new DeliverInput(null, null), ct));
        }
        foreach (var (a, i) in bottles.Select((a, i) => (a, i)))
        {
            var n = NumberOf(a);
            At(-43.5 + i * 0.1);
            Ensure(await changes.SetAddressAsync(WinnerOf(a), a.Id, new AddressInput(
                Surnames[n % Surnames.Length] + Given[n * 7 % Given.Length] + Given[n % Given.Length],
                $"139{(n * 7919) % 100_000_000:00000000}", $"上海市浦东新区张江路{100 + n}号{n % 20 + 1}栋"), ct));
        }
        foreach (var a in points.Where(a => a.Rank % 3 != 0))
        {
            At(-43 + a.Rank * 0.05);
            Ensure(await changes.ConfirmAsync(WinnerOf(a), a.Id, ct));
        }
        foreach (var (a, i) in bottles.Select((a, i) => (a, i)))
        {
            At(-42 + i * 0.1);
            Ensure(await deliver.ExecuteAsync(planner, a.Id, new DeliverInput($"SF10{NumberOf(a):000000}88", null), ct));
        }
        foreach (var (a, i) in bottles.Select((a, i) => (a, i)))
        {
            At(-40 + i * 0.1);
            Ensure(await changes.ConfirmAsync(WinnerOf(a), a.Id, ct));
        }
        ClosedId = id; // settled and closed by the seed next, through the budget use cases (B2.3: no close unsettled)
    }

    /// <summary>The activity whose results and awards are done; the seed settles its budget and closes it.</summary>
    public Guid ClosedId { get; private set; }

    private void At(double days) => _clock.Set(now.AddDays(days));

    private static Actor Actor(AppUser user, string role) => new(user.Id, new HashSet<string> { role });

    private static Verdict Pass(string comment) =>
        new(ReviewDecision.Pass, Enum.GetValues<ReviewPoint>().ToDictionary(p => p, _ => new PointVerdict(true, null)), comment);

    private static T Ensure<T>(Shared.Result<T> result) =>
        result.IsOk ? result.Value! : throw new InvalidOperationException($"Demo history step failed: {result.Error!.Code}");

    /// <summary>A clock the seed sets by hand, so each step happens at its moment in the story.</summary>
    private sealed class DemoClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public void Set(DateTimeOffset at) => _now = at;
        public override DateTimeOffset GetUtcNow() => _now;
    }
}
