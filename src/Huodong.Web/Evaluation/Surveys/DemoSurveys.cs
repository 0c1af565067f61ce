using Huodong.Web.Evaluation;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Evaluation.Feedback;
using Huodong.Web.People;
using Huodong.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>
/// Demo surveys and feedback: the Closed check-in's satisfaction survey (made when it ended, answered by most of its
/// participants, now closed), the Ended lottery's open one, last quarter's needs research (closed, 40 answers) and an
/// open topic poll any member can answer now; and three feedback threads about the Closed activity, one answered.
/// </summary>
public static class DemoSurveys
{
    private static readonly int[] Overall = [5, 5, 4, 4, 4, 5, 3, 4, 5, 2, 4, 5, 4, 3, 5, 4];
    private static readonly int[] Scores = [10, 9, 9, 8, 10, 7, 6, 9, 10, 3, 8, 9, 9, 7, 10, 9];

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, AppUser> staff, Guid closedId, Guid endedId,
        CancellationToken ct)
    {
        var db = services.GetRequiredService<HuodongDb>();
        var audit = services.GetRequiredService<AuditLog>();
        var protector = services.GetRequiredService<FieldProtector>();
        var answering = services.GetRequiredService<AnswerSurvey>();
        var onEnd = services.GetRequiredService<SatisfactionSurveyOnEnd>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var planner = staff["planner"].Id;
        // Account emails are sealed: the demo members are found by their lookup key, not by comparing emails in SQL.
        var keys = Enumerable.Range(1, DemoSeed.MemberCount).ToDictionary(n => db.AccountKey($"member{n}@{DemoSeed.Domain}"), n => n);
        var keyList = keys.Keys.ToList();
        var members = (await db.Users.Where(u => keyList.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail })
            .ToListAsync(ct)).ToDictionary(u => keys[u.NormalizedEmail!], u => u.Id);
        Guid Member(int n) => members[n];

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var closed = await db.Activities.SingleAsync(a => a.Id == closedId, ct);
            var ended = closed.EndsAt ?? now.AddDays(-45);
            var satisfaction = (await onEnd.CreateAsync(db, closed, planner, ended, ct))!;
            var participants = await ActivityParticipants.Of(db, closedId).OrderBy(x => x).ToListAsync(ct);
            for (var i = 0; i < participants.Count && i < Overall.Length; i++)
            {
                var o = Overall[i];
                Answer(satisfaction, participants[i], ended.AddHours(2 + i * 5),
                    [o, Math.Clamp(o + (i % 3 == 0 ? -1 : 0), 1, 5), Math.Clamp(o - (i % 4 == 1 ? 1 : 0), 1, 5), Math.Clamp(o + (i % 5 == 2 ? 1 : 0), 1, 5), Scores[i]],
                    i % 3 == 0 ? Suggestions[i / 3 % Suggestions.Length] : null);
            }
            satisfaction.Close(ended.AddDays(14));
            await audit.AppendAsync(planner, "survey.closed", "survey", satisfaction.Id.ToString(), new { status = "Closed" }, ct);

            var endedActivity = await db.Activities.SingleAsync(a => a.Id == endedId, ct);
            await onEnd.CreateAsync(db, endedActivity, planner, now.AddHours(-1), ct);

            var research = new Survey(new SurveyDraft("2026 年第四季度社区活动需求调研", SurveyPurpose.NeedsResearch, null, SurveyAudience.AllMembers,
                Anonymous: true, now.AddDays(-80), now.AddDays(-66), ResearchQuestions), planner, now.AddDays(-82));
            research.Open(now.AddDays(-80));
            db.Add(research);
            for (var n = 1; n <= 40; n++)
            {
                int[] kinds = n % 4 == 0 ? [0, 1] : n % 3 == 0 ? [2] : n % 5 == 0 ? [3, 0] : [0];
                var rating = n % 7 == 0 ? 3 : n % 3 == 0 ? 5 : 4;
                AnswerResearch(research, Member(n), now.AddDays(-79).AddHours(n * 7), kinds, n % 4, rating,
                    n % 4 == 1 ? Wishes[n / 4 % Wishes.Length] : null);
            }
            research.Close(now.AddDays(-66));

            var poll = new Survey(new SurveyDraft("2027 年社区活动主题征集", SurveyPurpose.NeedsResearch, null, SurveyAudience.AllMembers,
                Anonymous: false, now.AddDays(-3), now.AddDays(11), ResearchQuestions), planner, now.AddDays(-4));
            poll.Open(now.AddDays(-3));
            db.Add(poll);
            for (var n = 121; n <= 130; n++)
                AnswerResearch(poll, Member(n), now.AddDays(-3).AddHours(n - 110), n % 2 == 0 ? [0, 2] : [1], n % 3, n % 4 == 0 ? 3 : 5, null);
            foreach (var s in new[] { research, poll })
                await audit.AppendAsync(planner, "survey.created", "survey", s.Id.ToString(), new { s.Title, purpose = s.Purpose.ToString() }, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        var inbox = services.GetRequiredService<FeedbackInbox>();
        var team = new Actor(planner, new HashSet<string> { Roles.Planner });
        FeedbackThreadView? first = null;
        foreach (var (n, text) in Feedback)
        {
            var sent = await inbox.SendAsync(new Actor(Member(n), new HashSet<string> { Roles.Member }), closedId, new FeedbackInput(text), ct);
            first ??= sent.Value;
        }
        await inbox.ReplyAsync(team, first!.Id, new FeedbackInput("感谢反馈！下一期打卡我们会提前一周发布规则，并在群里提醒。"), ct);

        void Answer(Survey survey, Guid member, DateTimeOffset at, int[] values, string? text)
        {
            var response = new SurveyResponse(survey.Id, member, answering.MemberKey(survey.Id, member), at);
            db.Add(response);
            for (var q = 0; q < values.Length; q++) db.Add(new SurveyAnswer(response.Id, survey.Id, q, values[q], null));
            if (text is not null) db.Add(new SurveyAnswer(response.Id, survey.Id, values.Length, null, text));
        }

        void AnswerResearch(Survey survey, Guid member, DateTimeOffset at, int[] kinds, int time, int rating, string? wish)
        {
            var response = new SurveyResponse(survey.Id, survey.Anonymous ? null : member, answering.MemberKey(survey.Id, member), at);
            db.Add(response);
            foreach (var k in kinds) db.Add(new SurveyAnswer(response.Id, survey.Id, 0, k, null));
            db.Add(new SurveyAnswer(response.Id, survey.Id, 1, time, null));
            db.Add(new SurveyAnswer(response.Id, survey.Id, 2, rating, null));
            if (wish is not null) db.Add(new SurveyAnswer(response.Id, survey.Id, 3, null, wish));
        }
    }

    private static readonly SurveyQuestion[] ResearchQuestions =
    [
        new(QuestionType.MultipleChoice, "你最想参加哪类活动？（可多选）", true, ["线上直播", "知识问答", "打卡挑战", "作品征集", "线下沙龙"], false),
        new(QuestionType.SingleChoice, "你通常什么时间方便参加活动？", true, ["工作日晚上", "周末白天", "周末晚上", "都可以"], false),
        new(QuestionType.Rating, "你对过去一季度社区活动的整体评价", true, [], false),
        new(QuestionType.FreeText, "你希望社区举办什么样的活动？", false, [], false),
    ];

    private static readonly string[] Suggestions =
    [
        "打卡规则可以早点公布，中途才看到有点晚。", "希望奖品种类多一些。", "活动很好，建议每月一次。",
        "回复关键词的要求可以写得更醒目。", "抽奖过程公开透明，点赞！", "希望周末也能参加。",
    ];

    private static readonly string[] Wishes =
    [
        "多一些技术分享直播", "希望有亲子类的线上活动", "读书打卡，每周一本", "摄影作品征集", "新手入门问答专场",
        "线下见面会", "编程挑战赛", "健康跑步打卡", "周末晚上的直播", "社区周年庆",
    ];

    private static readonly (int Member, string Text)[] Feedback =
    [
        (103, "打卡第三天的提醒没有收到，差点断签，希望提醒能更准时。"),
        (108, "奖品寄送比预期慢了几天，不过收到后很满意。"),
        (115, "建议下次把活动规则做成一张图，手机上看文字太密。"),
    ];
}
