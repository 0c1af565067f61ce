using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Participation;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>
/// M2.1 while the activity is live: replies that must meet the plan's rule, and task evidence that staff confirm or
/// refuse; tasks the platform detects by itself.
/// </summary>
public abstract class SubmissionApiTests(TestApp app) : ParticipationTests(app)
{
    private sealed record SubmissionAnswer(Guid Id, SubmissionStatus Status, string? TaskKey, string? ReviewNote);
    private sealed record TaskItem(string Key, string Title, bool Done, bool AutoDetected);
    private sealed record TaskList(List<TaskItem> Items);

    private async Task<HttpResponseMessage> Submit(string member, Guid id, string content, string? taskKey = null) =>
        await (await App.As(member)).SendJson(HttpMethod.Post, $"/api/activities/{id}/submissions", new { content, taskKey },
            acceptLanguage: "en");

    private async Task<HttpResponseMessage> Decide(string account, Guid submissionId, string decision, string? reason = null) =>
        await (await App.As(account)).PostJson($"/api/submissions/{submissionId}/decision", new { decision, reason });

    private async Task<List<TaskItem>> TasksOf(string member, Guid id) =>
        (await (await (await App.As(member)).GetAsync($"/api/activities/{id}/tasks/me", Ct)).Expect<TaskList>(HttpStatusCode.OK)).Items;

    // ---- reply mode ----

    [Fact]
    public async Task A_reply_without_the_keyword_is_refused_naming_the_keyword()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 10), "member51");

        var problem = await (await Submit("member51", id, "今天天气很好，我来参加活动了！")).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("reply-rule", problem.Code);
        Assert.Equal("The reply must contain \"打卡\".", problem.Title);
        Assert.Equal(0, await App.WithDb(db => db.Submissions.CountAsync(s => s.ActivityId == id, Ct)));
    }

    [Fact]
    public async Task A_reply_shorter_than_the_rule_is_refused_with_both_lengths()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 10), "member52");

        var problem = await (await Submit("member52", id, "  打卡第一天  ")).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("reply-rule", problem.Code);
        Assert.Equal("The reply must be at least 10 characters long; it has 5.", problem.Title);
    }

    [Fact]
    public async Task A_reply_meeting_the_rule_is_accepted_and_the_member_is_told()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 10), "member53");

        var accepted = await (await Submit("member53", id, "打卡第一天：跑步五公里，感觉很好")).Expect<SubmissionAnswer>(HttpStatusCode.Created);

        Assert.Equal(SubmissionStatus.Accepted, accepted.Status);
        Assert.Single(await Notifications("member53", id), n => n.Kind == NotificationKind.ReplyAccepted);
        var kinds = (await Events(id)).Select(e => e.Kind).ToList();
        Assert.Contains(ActivityEventKind.ReplyAccepted, kinds);
        Assert.Contains(ActivityEventKind.Submitted, kinds);
    }

    [Fact]
    public async Task Nothing_can_be_handed_in_before_the_activity_is_live()
    {
        var id = await OpenActivity(ParticipationPlans.Reply("打卡", 0));
        await Registered("member54", id);

        var problem = await (await Submit("member54", id, "打卡")).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("not-live", problem.Code);
    }

    [Fact]
    public async Task Nothing_can_be_handed_in_after_the_activity_ended()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0), "member55");
        await App.EndAsync(id);

        Assert.Equal("not-live", (await (await Submit("member55", id, "打卡")).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
    }

    [Fact]
    public async Task A_member_who_is_not_registered_cannot_hand_in()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0), "member56");

        var problem = await (await Submit("member57", id, "打卡")).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("not-registered", problem.Code);
    }

    [Fact]
    public async Task A_waitlisted_member_cannot_hand_in_until_confirmed()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0) with
        {
            Participation = new() { Method = Web.Planning.ParticipationMethod.Reply, ReplyRule = new("打卡", 0), Capacity = 1, Waitlist = true },
        }, "member58", "member59");

        Assert.Equal("not-registered", (await (await Submit("member59", id, "打卡")).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
        await (await CancelMine("member58", id)).ShouldBe(HttpStatusCode.OK);
        await (await Submit("member59", id, "打卡")).ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_submission_is_400(string content)
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0), "member60");

        Assert.Contains("content", (await (await Submit("member60", id, content)).ExpectProblem(HttpStatusCode.BadRequest)).Fields);
    }

    [Fact]
    public async Task A_submission_over_ten_thousand_characters_is_400()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0), "member60");

        Assert.Contains("content", (await (await Submit("member60", id, "打卡" + new string('长', 10_000))).ExpectProblem(HttpStatusCode.BadRequest)).Fields);
    }

    // ---- task mode ----

    [Fact]
    public async Task Task_evidence_waits_for_staff_and_an_unknown_task_is_400()
    {
        var id = await LiveActivity(ParticipationPlans.Tasks(), "member61");

        var pending = await (await Submit("member61", id, "已在朋友圈分享，截图见链接", "share-poster")).Expect<SubmissionAnswer>(HttpStatusCode.Created);
        var unknown = await (await Submit("member61", id, "证据", "no-such-task")).ExpectProblem(HttpStatusCode.BadRequest);
        var none = await (await Submit("member61", id, "证据")).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal((SubmissionStatus.Pending, "share-poster"), (pending.Status, pending.TaskKey));
        Assert.Contains("taskKey", unknown.Fields);
        Assert.Contains("taskKey", none.Fields);
        Assert.DoesNotContain(await TasksOf("member61", id), t => t.Done);
    }

    [Fact]
    public async Task Staff_accepting_evidence_completes_the_task_and_tells_the_member()
    {
        var id = await LiveActivity(ParticipationPlans.Tasks(), "member62");
        var evidence = await (await Submit("member62", id, "已分享", "share-poster")).Expect<SubmissionAnswer>(HttpStatusCode.Created);

        var decided = await (await Decide("planner", evidence.Id, "accept")).Expect<SubmissionAnswer>(HttpStatusCode.OK);

        Assert.Equal(SubmissionStatus.Accepted, decided.Status);
        var tasks = await TasksOf("member62", id);
        Assert.True(tasks.Single(t => t.Key == "share-poster").Done);
        Assert.False(tasks.Single(t => t.Key == "say-hello").Done);
        var note = Assert.Single(await Notifications("member62", id, "en"), n => n.Kind == NotificationKind.TaskConfirmed);
        Assert.Contains("分享活动海报", note.Text);
        var member = await App.UserIdAsync("member62");
        var done = await App.WithDb(db => db.CompletedTasks.SingleAsync(t => t.MemberId == member && t.ActivityId == id, Ct));
        Assert.Equal(("share-poster", "confirmed"), (done.TaskKey, done.Source));
        Assert.Equal(await App.UserIdAsync("planner"), done.ConfirmedBy);
        Assert.Contains(await Events(id), e => e.Kind == ActivityEventKind.TaskCompleted && e.MemberId == member);
    }

    [Fact]
    public async Task Evidence_is_decided_once()
    {
        var id = await LiveActivity(ParticipationPlans.Tasks(), "member63");
        var evidence = await (await Submit("member63", id, "已分享", "share-poster")).Expect<SubmissionAnswer>(HttpStatusCode.Created);
        await (await Decide("planner", evidence.Id, "accept")).ShouldBe(HttpStatusCode.OK);

        var again = await (await Decide("planner", evidence.Id, "reject", "改主意了")).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("already-decided", again.Code);
        Assert.True((await TasksOf("member63", id)).Single(t => t.Key == "share-poster").Done);
    }

    [Fact]
    public async Task Refusing_evidence_needs_a_reason_which_the_member_is_told()
    {
        var id = await LiveActivity(ParticipationPlans.Tasks(), "member64");
        var evidence = await (await Submit("member64", id, "我分享了", "share-poster")).Expect<SubmissionAnswer>(HttpStatusCode.Created);

        var noReason = await (await Decide("planner", evidence.Id, "reject", "  ")).ExpectProblem(HttpStatusCode.BadRequest);
        var refused = await (await Decide("planner", evidence.Id, "reject", "截图看不清，请重新提交")).Expect<SubmissionAnswer>(HttpStatusCode.OK);

        Assert.Contains("reason", noReason.Fields);
        Assert.Equal((SubmissionStatus.Rejected, "截图看不清，请重新提交"), (refused.Status, refused.ReviewNote));
        Assert.False((await TasksOf("member64", id)).Single(t => t.Key == "share-poster").Done);
        var note = Assert.Single(await Notifications("member64", id), n => n.Kind == NotificationKind.TaskRejected);
        Assert.Contains("截图看不清，请重新提交", note.Text);
    }

    [Theory]
    [InlineData("member65")]
    [InlineData("planner2")] // staff, but neither on the team nor a moderator
    public async Task Only_the_team_or_a_moderator_decides_on_evidence(string account)
    {
        var id = await LiveActivity(ParticipationPlans.Tasks(), "member66");
        var evidence = await (await Submit("member66", id, "已分享", "share-poster")).Expect<SubmissionAnswer>(HttpStatusCode.Created);

        await (await Decide(account, evidence.Id, "accept")).ShouldBe(HttpStatusCode.Forbidden);
        await (await Decide("member66", evidence.Id, "accept")).ShouldBe(HttpStatusCode.Forbidden); // not even one's own

        Assert.Equal(SubmissionStatus.Pending, await App.WithDb(db => db.Submissions.Where(s => s.Id == evidence.Id).Select(s => s.Status).SingleAsync(Ct)));
        await (await Decide("moderator", evidence.Id, "accept")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_decision_other_than_accept_or_reject_is_400()
    {
        var id = await LiveActivity(ParticipationPlans.Tasks(), "member67");
        var evidence = await (await Submit("member67", id, "已分享", "share-poster")).Expect<SubmissionAnswer>(HttpStatusCode.Created);

        Assert.Contains("decision", (await (await Decide("planner", evidence.Id, "maybe")).ExpectProblem(HttpStatusCode.BadRequest)).Fields);
    }

    [Fact]
    public async Task A_task_detected_by_commenting_completes_when_a_registered_member_comments()
    {
        var id = await LiveActivity(ParticipationPlans.Tasks(), "member68");

        await (await (await App.As("member68")).PostJson($"/api/activities/{id}/comments", new { body = "大家好！" })).ShouldBe(HttpStatusCode.Created);
        await (await (await App.As("member69")).PostJson($"/api/activities/{id}/comments", new { body = "我没报名" })).ShouldBe(HttpStatusCode.Created);

        var hello = (await TasksOf("member68", id)).Single(t => t.Key == "say-hello");
        Assert.True(hello.Done);
        Assert.True(hello.AutoDetected);
        Assert.False((await TasksOf("member68", id)).Single(t => t.Key == "share-poster").Done);
        Assert.False((await TasksOf("member69", id)).Single(t => t.Key == "say-hello").Done); // not registered: nothing detected
        var member = await App.UserIdAsync("member68");
        Assert.Equal("detected", await App.WithDb(db => db.CompletedTasks.Where(t => t.MemberId == member && t.ActivityId == id)
            .Select(t => t.Source).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Staff_see_the_pending_evidence_and_members_may_not()
    {
        var id = await LiveActivity(ParticipationPlans.Tasks(), "member70");
        await (await Submit("member70", id, "已分享", "share-poster")).ShouldBe(HttpStatusCode.Created);

        var pending = await (await (await Planner).GetAsync($"/api/activities/{id}/submissions?status=Pending", Ct)).Expect<Page<SubmissionAnswer>>(HttpStatusCode.OK);
        Assert.Single(pending.Items);
        await (await (await App.As("member70")).GetAsync($"/api/activities/{id}/submissions", Ct)).ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class SubmissionApiTests_Sqlite(SqliteApp app) : SubmissionApiTests(app), IClassFixture<SqliteApp>;
public sealed class SubmissionApiTests_Postgres(PostgresApp app) : SubmissionApiTests(app), IClassFixture<PostgresApp>;
