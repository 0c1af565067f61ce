using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Budget;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Evaluation;
using Huodong.Web.Participation;
using Huodong.Web.Planning;

namespace Huodong.Tests.Evaluation;

/// <summary>
/// V1.1–V1.4 through <c>GET /api/activities/{id}/metrics</c> on a real database, on data built so that every figure
/// has a known answer: participants and the eligible base, interactions by kind, spend per participant and benefit
/// ÷ cost, recorded goals, and the effect windows (lift, retention against non-participants) on events placed in 2024,
/// where nothing else in the database lives.
/// </summary>
public abstract class MetricsApiTests(TestApp app) : ParticipationTests(app)
{
    private async Task<ActivityMetrics> Metrics(Guid id, string by = "planner") =>
        await (await (await App.As(by)).GetAsync($"/api/activities/{id}/metrics", Ct)).Expect<ActivityMetrics>(HttpStatusCode.OK);

    private async Task<HttpResponseMessage> RecordGoal(Guid id, object body, string by = "planner") =>
        await (await App.As(by)).PostJson($"/api/activities/{id}/goals", body);

    /// <summary>Level-5 demo members (member N has level 1 + N % 5): 40 of the 200.</summary>
    private static string Level5(int i) => $"member{5 * i + 4}";

    private static Plan Measured() => ParticipationPlans.OpenNow().WithEligibility(5) with
    {
        Goals = [new PlanGoal("新增关注", 500, "人")],
        BenefitValue = 1200m,
    };

    [Fact]
    public async Task Participants_rate_interactions_cost_and_goals_have_their_known_values()
    {
        var id = await LiveActivity(Measured(), Level5(0), Level5(1), Level5(2), Level5(3));
        await (await CancelMine(Level5(3), id)).ShouldBe(HttpStatusCode.OK);

        var comment = await Comment(Level5(0), id, "第一次参加，很喜欢");
        await Comment(Level5(0), id, "再来一条");
        var question = await Comment(Level5(1), id, "几点开始？", question: true);
        await Comment("planner", id, "晚上八点", parent: question);
        await (await (await App.As(Level5(2))).PostJson($"/api/comments/{comment}/like/", null)).ShouldBe(HttpStatusCode.OK);

        var expense = await (await (await App.As("planner")).PostJson($"/api/activities/{id}/expenses",
            new { category = "Rewards", amount = 300m, payee = "礼品店", spentOn = "2026-11-20", purpose = "奖品" })).Expect<IdOnly>(HttpStatusCode.Created);
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(BudgetApiTests.Png()), "file", "receipt.png" } })
            await (await (await App.As("planner")).PostAsync($"/api/expenses/{expense.Id}/vouchers", form, Ct)).ShouldBe(HttpStatusCode.Created);
        await (await (await App.As("planner")).PostJson($"/api/expenses/{expense.Id}/submit", null)).ShouldBe(HttpStatusCode.OK);
        await (await (await App.As("finance")).PostJson($"/api/expenses/{expense.Id}/decision", new { decision = "approve" })).ShouldBe(HttpStatusCode.OK);

        await (await RecordGoal(id, new { name = "新增关注", actual = 640 })).ShouldBe(HttpStatusCode.OK);

        var m = await Metrics(id);
        Assert.Equal(3, m.Participants);              // four registered, one cancelled
        Assert.Equal(40, m.EligibleMembers);           // level 5 only
        Assert.Equal(0.075, m.ParticipationRate);      // 3 / 40
        Assert.Equal(new InteractionCounts(Comments: 2, Replies: 0, Likes: 1, Questions: 1, Answers: 1), m.InteractionBreakdown);
        Assert.Equal(5, m.Interactions);
        Assert.Equal(300m, m.Cost.Actual);
        Assert.Equal(100m, m.Cost.PerParticipant);
        Assert.Equal(1200m, m.Cost.Benefit);
        Assert.Equal(4.0, m.Cost.BenefitCostRatio);
        var goal = Assert.Single(m.Effect.Goals);
        Assert.Equal(("新增关注", 500m, 640m, "人"), (goal.Name, goal.Target, goal.Actual, goal.Unit));
        // Still live: the effect windows have not closed, so there is no lift or retention yet.
        Assert.Null(m.Effect.ActivityLift);
        Assert.Null(m.Effect.Retention7);

        // Finance reads the same figures; the team's other planners and members do not.
        Assert.Equal(3, (await Metrics(id, "finance")).Participants);
        await (await (await App.As("planner2")).GetAsync($"/api/activities/{id}/metrics", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await App.As(Level5(0))).GetAsync($"/api/activities/{id}/metrics", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await App.Anonymous().GetAsync($"/api/activities/{id}/metrics", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await (await App.As("planner")).GetAsync($"/api/activities/{Guid.NewGuid()}/metrics", Ct)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Goal_values_are_for_goals_the_plan_names_recorded_by_the_team_once_the_activity_runs()
    {
        var id = await OpenActivity(Measured());
        await (await RecordGoal(id, new { name = "新增关注", actual = 1 })).ShouldBe(HttpStatusCode.Conflict); // not started
        await App.LaunchAsync(id);

        var unknown = await (await RecordGoal(id, new { name = "销量", actual = 1 })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("name", unknown.Errors!.Keys);
        var missing = await (await RecordGoal(id, new { name = "新增关注" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("actual", missing.Errors!.Keys);
        await (await RecordGoal(id, new { name = "新增关注", actual = 5 }, by: "planner2")).ShouldBe(HttpStatusCode.Forbidden);

        await (await RecordGoal(id, new { name = "新增关注", actual = 10 })).ShouldBe(HttpStatusCode.OK);
        await (await RecordGoal(id, new { name = "新增关注", actual = 12.5 })).ShouldBe(HttpStatusCode.OK); // a correction
        Assert.Equal(12.5m, Assert.Single((await Metrics(id)).Effect.Goals).Actual);
    }

    [Fact]
    public async Task With_no_eligible_members_no_participants_and_no_answers_the_rates_are_empty_not_zero_or_an_error()
    {
        // Only members invited through a task nobody has done may take part: nobody was eligible.
        var id = await PastActivity(new DateTimeOffset(2024, 5, 10, 0, 0, 0, TimeSpan.Zero), days: 5, invitedOnly: true);

        var m = await Metrics(id);
        Assert.Equal(0, m.Participants);
        Assert.Equal(0, m.EligibleMembers);
        Assert.Null(m.ParticipationRate);
        Assert.Null(m.Cost.PerParticipant);
        Assert.Null(m.Cost.BenefitCostRatio);
        Assert.Equal(SatisfactionFigures.None, m.Satisfaction);
        Assert.Null(m.Effect.ActivityLift);         // nobody was active before it either
        Assert.Null(m.Effect.Retention7);           // no participants to retain
        Assert.Null(m.Effect.Retention7NonParticipants);
    }

    [Fact]
    public async Task Lift_and_retention_compare_the_activity_window_with_the_one_before_and_participants_with_the_rest()
    {
        var start = new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.Zero);
        var id = await PastActivity(start, days: 10);
        var end = start.AddDays(10);
        var m = await Task.WhenAll(Enumerable.Range(101, 6).Select(n => App.UserIdAsync($"member{n}")));
        var other = Guid.NewGuid(); // events of some other activity count as community activity too

        await AddEvents(
            // Before (the 10 days up to the start): three members active.
            Ev(other, m[0], start.AddDays(-9)), Ev(other, m[1], start.AddDays(-1)), Ev(other, m[2], start.AddDays(-5)),
            // During: all six; members 0 and 1 take part (a completed task makes a participant).
            Ev(id, m[0], start.AddDays(1), ActivityEventKind.TaskCompleted), Ev(id, m[1], start.AddDays(2), ActivityEventKind.TaskCompleted),
            Ev(other, m[2], start.AddDays(3)), Ev(other, m[3], start.AddDays(3)), Ev(id, m[4], start.AddDays(4)), Ev(other, m[5], end.AddSeconds(-1)),
            // After the end: participant 0 and non-participant 2 within 7 days; participant 1 and non-participant 3 within 30.
            Ev(other, m[0], end.AddDays(2)), Ev(other, m[2], end.AddDays(6)), Ev(other, m[1], end.AddDays(20)), Ev(id, m[3], end.AddDays(29)),
            // Errors are not activity; nor is anything after 30 days.
            Ev(other, m[4], end.AddDays(1), ActivityEventKind.Error), Ev(other, m[5], end.AddDays(31)));

        var e = (await Metrics(id)).Effect;
        Assert.Equal(1.0, e.ActivityLift);               // 6 active during against 3 before: +100%
        Assert.Equal(0.5, e.Retention7);                 // 1 of 2 participants
        Assert.Equal(1.0, e.Retention30);                // 2 of 2
        Assert.Equal(0.25, e.Retention7NonParticipants); // 1 of the 4 others active during
        Assert.Equal(0.5, e.Retention30NonParticipants); // 2 of 4
        Assert.Equal(2, (await Metrics(id)).Participants);
    }

    /// <summary>An approved, launched and ended activity whose whole schedule lies in the past.</summary>
    private async Task<Guid> PastActivity(DateTimeOffset start, int days, bool invitedOnly = false)
    {
        var plan = Measured();
        if (invitedOnly)
            plan = (plan with { Participation = plan.Participation with { Tasks = [new PlanTask("invited", "受邀")] } })
                .WithEligibility(0, "invited");
        plan = plan with
        {
            Schedule = new Schedule
            {
                RegistrationOpensAt = start.AddDays(-7), RegistrationClosesAt = start.AddDays(-1),
                StartsAt = start, EndsAt = start.AddDays(days),
            },
        };
        var id = await OpenActivity(plan);
        await App.LaunchAsync(id);
        await App.EndAsync(id);
        return id;
    }

    private static ActivityEvent Ev(Guid activity, Guid member, DateTimeOffset at, ActivityEventKind kind = ActivityEventKind.Commented) =>
        new(activity, member, kind, at);

    private Task AddEvents(params ActivityEvent[] events) =>
        App.WithDb(async db =>
        {
            db.ActivityEvents.AddRange(events);
            await db.SaveChangesAsync(Ct);
        });

    private async Task<Guid> Comment(string by, Guid id, string body, bool question = false, Guid? parent = null) =>
        (await (await (await App.As(by)).PostJson($"/api/activities/{id}/comments",
            new { body, isQuestion = question, parentId = parent })).Expect<IdOnly>(HttpStatusCode.Created)).Id;

    private sealed record IdOnly(Guid Id);
}

public sealed class MetricsApiTests_Sqlite(SqliteApp app) : MetricsApiTests(app), IClassFixture<SqliteApp>;
public sealed class MetricsApiTests_Postgres(PostgresApp app) : MetricsApiTests(app), IClassFixture<PostgresApp>;
