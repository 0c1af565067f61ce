using Huodong.Web.Approval;
using Huodong.Web.Audit;
using Huodong.Web.Budget;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Rewards;
using Huodong.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Reports;

/// <summary>
/// The demo's past for the comparison and the trends (V2.1, V2.4): five earlier check-ins of the same format as the
/// demo's Closed check-in, one a month before it, each Closed with registrations, accepted replies, comments,
/// likes, questions, page views over its weeks and paid expenses — participation improving with a dip, cost per
/// participant falling — so the Closed activity's report has something real to be compared with (and page views
/// for that activity itself). Unlike
/// <see cref="DemoHistory"/> they are not driven through the use cases one step at a time (that would take seconds):
/// each activity walks its lifecycle through the entity's own verbs, and its rows go in as one batch; the
/// transitions are audited like any other, at the moment of seeding.
/// </summary>
public static class DemoEvaluationHistory
{
    private sealed record Story(string Title, int EndedDaysAgo, int Registered, int Replied, int PageViews, int Comments,
        int Likes, int Questions, decimal Promotion, decimal Rewards);

    private static readonly Story[] Stories =
    [
        new("居家健身体验打卡", 200, 14, 7, 150, 9, 16, 5, 300m, 1150m),
        new("晨读体验打卡", 170, 16, 9, 185, 12, 21, 4, 260m, 1150m),
        new("护眼习惯体验打卡", 140, 13, 8, 140, 8, 13, 6, 280m, 1120m),
        new("手作体验打卡", 110, 18, 10, 230, 15, 28, 4, 200m, 1100m),
        new("城市骑行体验打卡", 80, 19, 11, 260, 17, 33, 3, 150m, 1089m),
    ];

    private static readonly string[] Thoughts =
    [
        "今天的体验很顺利，记录一下小心得。", "和家人一起完成了今天的打卡，很有意思。", "坚持第三天了，感觉越来越习惯。",
        "分享一个使用小技巧：长按可以快速切换模式。", "今天有点忙，但还是抽空完成了体验。", "对比了几种用法，第二种最顺手。",
        "周末的体验时间更充裕，拍了几张照片。", "体验下来整体满意，希望下次活动时间更长。",
    ];

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, AppUser> staff, IReadOnlyList<AppUser> members,
        Guid closedId, CancellationToken ct)
    {
        var db = services.GetRequiredService<HuodongDb>();
        var protector = services.GetRequiredService<FieldProtector>();
        var store = new ActivityStore(db, services.GetRequiredService<AuditLog>());
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        Guid planner = staff["planner"].Id, head = staff["head"].Id, leader = staff["leader"].Id, finance = staff["finance"].Id;

        var result = await store.InTransactionAsync<bool>(async () =>
        {
            for (var s = 0; s < Stories.Length; s++) Add(db, protector, Stories[s], s, now, planner, head, leader, finance, members);
            await PageViewsAsync(db, closedId, members, ct);
            await Task.CompletedTask;
            return true;
        }, ct);
        if (!result.IsOk) throw new InvalidOperationException($"Demo evaluation history failed: {result.Error!.Code}");
    }

    private static void Add(HuodongDb db, FieldProtector protector, Story story, int index, DateTimeOffset now, Guid planner, Guid head,
        Guid leader, Guid finance, IReadOnlyList<AppUser> members)
    {
        var end = now.AddDays(-story.EndedDaysAgo);
        var start = end.AddDays(-5);
        var plan = DemoPlans.ClosedCheckIn(now) with
        {
            Title = story.Title,
            Schedule = new Schedule { RegistrationOpensAt = start.AddDays(-14), RegistrationClosesAt = start.AddDays(1), StartsAt = start, EndsAt = end },
        };
        var created = start.AddDays(-20);
        var a = Activity.Create(planner, plan, [planner], created);
        Ensure(a.Submit(planner, created.AddHours(1)));
        Ensure(a.Review(head, ReviewStage.Head, Pass, created.AddHours(6)));
        Ensure(a.Review(leader, ReviewStage.Leader, Pass, created.AddHours(12)));
        Ensure(a.Launch(planner, start));
        Ensure(a.End(planner, end));
        Ensure(a.PublishResults(planner, end.AddDays(1)));
        Ensure(a.Close(planner, 0, budgetSettled: true, summaryWritten: true, end.AddDays(7)));
        db.Activities.Add(a);
        db.Add(Evaluation.Summary.SummaryReview.Write(a.Id, new Evaluation.Summary.SummaryText(
            "打卡形式门槛低，老会员回流明显。", "中后段打卡人数下降，提醒不够及时。", "会员希望活动周期更长、奖品更实用。"), planner, end.AddDays(6)));

        // Members 60–139 take turns across the stories, so the same faces come back month after month.
        var who = Enumerable.Range(0, story.Registered).Select(i => members[60 + (index * 11 + i * 3) % 80]).ToList();
        var regOpen = start.AddDays(-14);
        for (var i = 0; i < who.Count; i++)
        {
            var at = regOpen.AddHours(i * 14.0 * 24 / who.Count + 3);
            var n = 1000 + index * 100 + i;
            var contact = new ProtectedContact(protector.Encrypt($"会员{n}", RegisterMember.NamePurpose),
                protector.Encrypt($"139{n * 7919 % 100_000_000:00000000}", RegisterMember.PhonePurpose),
                protector.BlindIndex($"139{n * 7919 % 100_000_000:00000000}", RegisterMember.PhonePurpose), null, null);
            var r = new Registration(a.Id, who[i].Id, i + 1, RegistrationStatus.Confirmed, contact, null, at);
            db.Registrations.Add(r);
            db.ActivityEvents.Add(new ActivityEvent(a.Id, who[i].Id, ActivityEventKind.Registered, at, r.Id));
        }
        for (var i = 0; i < story.Replied; i++)
        {
            var at = start.AddHours(2 + i * 110.0 / story.Replied);
            var sub = new Submission(a.Id, who[i].Id, $"体验第{i % 5 + 1}天｜{Thoughts[(i + index) % Thoughts.Length]}（{story.Title}）", null,
                SubmissionStatus.Accepted, at);
            db.Submissions.Add(sub);
            db.ActivityEvents.Add(new ActivityEvent(a.Id, who[i].Id, ActivityEventKind.Submitted, at, sub.Id));
            db.ActivityEvents.Add(new ActivityEvent(a.Id, who[i].Id, ActivityEventKind.ReplyAccepted, at, sub.Id));
        }
        var comments = new List<Comment>();
        for (var i = 0; i < story.Comments + story.Questions; i++)
        {
            var question = i >= story.Comments;
            var at = regOpen.AddHours(20 + i * 18.0 * 24 / (story.Comments + story.Questions));
            var author = who[i % who.Count].Id;
            var c = new Comment(a.Id, author, null, question ? "请问每天打卡的截止时间是几点？" : Thoughts[(i * 3 + index) % Thoughts.Length], question, false, at);
            comments.Add(c);
            db.Comments.Add(c);
            db.ActivityEvents.Add(new ActivityEvent(a.Id, author, question ? ActivityEventKind.Questioned : ActivityEventKind.Commented, at, c.Id));
            if (question)
            {
                var answer = new Comment(a.Id, planner, c.Id, "每天 23:59 前回复即算当天打卡。", false, true, at.AddHours(2));
                db.Comments.Add(answer);
                db.ActivityEvents.Add(new ActivityEvent(a.Id, planner, ActivityEventKind.Answered, at.AddHours(2), answer.Id));
            }
        }
        var liked = new HashSet<(Guid, Guid)>();
        for (var i = 0; i < story.Likes; i++)
        {
            var c = comments[i % story.Comments];
            // Each like by a different member who did not write the comment.
            var k = i + 1 + i / story.Comments;
            while (who[k % who.Count].Id == c.AuthorId || !liked.Add((c.Id, who[k % who.Count].Id))) k++;
            var liker = who[k % who.Count].Id;
            var at = c.CreatedAt.AddHours(1 + i % 5);
            db.CommentLikes.Add(new CommentLike(c.Id, liker, at));
            db.ActivityEvents.Add(new ActivityEvent(a.Id, liker, ActivityEventKind.Liked, at, c.Id));
        }
        // Page views spread over the registration weeks and the activity, more of them near the start.
        var span = (end - regOpen).TotalHours;
        for (var i = 0; i < story.PageViews; i++)
        {
            var f = (double)i / story.PageViews;
            db.ActivityEvents.Add(new ActivityEvent(a.Id, i % 3 == 0 ? null : who[i % who.Count].Id, ActivityEventKind.PageView,
                regOpen.AddHours(span * f * f * 0.6 + span * f * 0.4)));
        }

        // The money: a poster bill and the prizes, both paid; then settled and closed.
        var spentOn = DateOnly.FromDateTime(end.ToOffset(TimeSpan.FromHours(8)).Date);
        var poster = PaidExpense(a.Id, BudgetCategory.Promotion, story.Promotion, "图文快印店", spentOn.AddDays(-8), "活动海报设计与印刷", planner, finance, end);
        var prizes = PaidExpense(a.Id, BudgetCategory.Rewards, story.Rewards, "礼品供应商", spentOn.AddDays(2), "保温杯 2 个及打卡积分", planner, finance, end);
        db.AddRange(poster, prizes);
        db.Add(new ResultsPublication(a.Id, "[]",
            System.Text.Json.JsonSerializer.Serialize(new ResultsStatistics(story.Replied, story.Registered, story.Replied, story.Replied,
                story.Comments + story.Questions, story.Likes, story.Comments + story.Questions * 2 + story.Likes)), "[]", planner, end.AddDays(1)));
        db.Add(new Settlement(a.Id,
            [new SettlementLine(BudgetCategory.Rewards, 1178m, story.Rewards, null), new SettlementLine(BudgetCategory.Promotion, 100m, story.Promotion,
                story.Promotion > 100m ? "加印海报" : null)],
            null, planner, end.AddDays(6)));
    }

    /// <summary>The demo's own Closed check-in was driven through the use cases, which record no page views: give it its readers' visits.</summary>
    private static async Task PageViewsAsync(HuodongDb db, Guid closedId, IReadOnlyList<AppUser> members, CancellationToken ct)
    {
        var a = await db.Activities.AsNoTracking().SingleAsync(x => x.Id == closedId, ct);
        DateTimeOffset from = a.RegistrationOpensAt!.Value, to = a.EndsAt!.Value;
        const int views = 320;
        var span = (to - from).TotalHours;
        for (var i = 0; i < views; i++)
        {
            var f = (double)i / views;
            db.ActivityEvents.Add(new ActivityEvent(closedId, i % 3 == 0 ? null : members[100 + i % 40].Id, ActivityEventKind.PageView,
                from.AddHours(span * f * f * 0.6 + span * f * 0.4)));
        }
    }

    private static Expense PaidExpense(Guid activityId, BudgetCategory category, decimal amount, string payee, DateOnly spentOn,
        string purpose, Guid planner, Guid finance, DateTimeOffset end)
    {
        var e = new Expense(activityId, category, Money.ToFen(amount), payee, spentOn, purpose, planner, end.AddDays(1));
        // Decided and paid through the expense's own verbs; the paper vouchers of these old bills are not scanned in.
        Ensure(e.Submit(planner, vouchers: 1, end.AddDays(1)));
        Ensure(e.DecideAsFinance(finance, approve: true, null, long.MaxValue, end.AddDays(2)));
        Ensure(e.Pay(finance, $"DEMO-{spentOn:yyyyMMdd}-{(int)category}", end.AddDays(3)));
        return e;
    }

    private static readonly Verdict Pass =
        new(ReviewDecision.Pass, Enum.GetValues<ReviewPoint>().ToDictionary(p => p, _ => new PointVerdict(true, null)), "同意。");

    private static void Ensure(Shared.Result r)
    {
        if (!r.IsOk) throw new InvalidOperationException($"Demo evaluation history step failed: {r.Error!.Code}");
    }
}
