using Huodong.Web.Approval;
using Huodong.Web.Planning;

namespace Huodong.Web.People;

/// <summary>
/// Demo activities driven through the real use cases, so their history, versions and audit chain are genuine.
/// planner@ is on every demo activity's team (API.md).
/// </summary>
public static class DemoActivities
{
    /// <summary>Seeds an activity in each planning state; returns the approved one with registration open.</summary>
    public static async Task<Guid> SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, AppUser> staff, CancellationToken ct)
    {
        var plans = services.GetRequiredService<PlanUseCases>();
        var review = services.GetRequiredService<ReviewPlan>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var planner = As(staff["planner"], Roles.Planner);
        var planner2 = As(staff["planner2"], Roles.Planner);
        var head = As(staff["head"], Roles.CommunityHead);
        var leader = As(staff["leader"], Roles.Leader);

        async Task<Guid> Create(Actor author, Plan plan) => (await plans.CreateAsync(author, plan, ct)).Value!.Id;
        async Task Review(Actor who, Guid id, ReviewDecision d, string comment, ReviewPoint? failed = null) =>
            Ensure(await review.ExecuteAsync(who, id, Verdict(d, comment, failed), ct));
        async Task Submit(Guid id) => Ensure(await plans.SubmitAsync(planner, id, ct));

        // Draft: still being written, incomplete on purpose.
        await Create(planner, DemoPlans.Incomplete(now));

        // HeadReview: waiting for the community head.
        await Submit(await Create(planner, DemoPlans.PhotoContest(now, days: 20)));

        // LeaderReview: passed by the head, waiting for the leader (authored by planner2, planner on the team).
        var quiz = await Create(planner2, DemoPlans.KnowledgeQuiz(now, days: 14) with { Team = [$"planner@{DemoSeed.Domain}"] });
        Ensure(await plans.SubmitAsync(planner2, quiz, ct));
        await Review(head, quiz, ReviewDecision.Pass, "主题契合社区，奖励合理。");

        // Returned: the head asks for a better risk plan.
        var checkin = await Create(planner, DemoPlans.CheckInChallenge(now, days: 30));
        await Submit(checkin);
        await Review(head, checkin, ReviewDecision.Return, "请补充服务器压力风险的应对措施。", ReviewPoint.Risks);

        // Approved with registration open.
        var approved = await Create(planner, DemoPlans.SpringLivestream(now));
        await Submit(approved);
        await Review(head, approved, ReviewDecision.Pass, "同意。");
        await Review(leader, approved, ReviewDecision.Pass, "批准实施。");

        // Approved, with an amendment (more places) waiting for the head.
        var amended = await Create(planner, DemoPlans.DiscussionWeek(now, days: 10));
        await Submit(amended);
        await Review(head, amended, ReviewDecision.Pass, "同意。");
        await Review(leader, amended, ReviewDecision.Pass, "同意。");
        var more = DemoPlans.DiscussionWeek(now, days: 10);
        Ensure(await plans.AmendAsync(planner, amended, more with { Participation = more.Participation with { Capacity = 800 } }, ct));

        // Rejected by the leader.
        var lottery = await Create(planner, DemoPlans.LuckyDraw(now, days: 25));
        await Submit(lottery);
        await Review(head, lottery, ReviewDecision.Pass, "可以。");
        await Review(leader, lottery, ReviewDecision.Reject, "奖品价值过高，与公司资源不匹配。", ReviewPoint.Resources);

        // Cancelled before review finished.
        var cancelled = await Create(planner, DemoPlans.PhotoContest(now, days: 40) with { Title = "秋季摄影大赛（已取消）" });
        await Submit(cancelled);
        Ensure(await plans.CancelAsync(planner, cancelled, "与公司年会时间冲突，延期举办。", ct));
        return approved;
    }

    private static Actor As(AppUser user, string role) => new(user.Id, new HashSet<string> { role });

    private static Verdict Verdict(ReviewDecision decision, string comment, ReviewPoint? failed) =>
        new(decision, Enum.GetValues<ReviewPoint>().ToDictionary(p => p,
            p => new PointVerdict(p != failed, p == failed ? comment : null)), comment);

    private static void Ensure(Shared.Result<Activity> result)
    {
        if (!result.IsOk) throw new InvalidOperationException($"Demo seed step failed: {result.Error!.Code}");
    }
}
