using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Participation;
using Huodong.Web.Planning;

namespace Huodong.Tests.LiveOps;

/// <summary>E2.2 / S1.2 emergency pause and resume through the API: who may, when, and what members see meanwhile.</summary>
public abstract class PauseApiTests(TestApp app) : ParticipationTests(app)
{
    private async Task<HttpResponseMessage> Pause(string account, Guid id, object? body) =>
        await (await App.As(account)).PostJson($"/api/activities/{id}/pause", body);

    private async Task<HttpResponseMessage> Resume(string account, Guid id, object? body = null) =>
        body is null
            ? await (await App.As(account)).PostAsync($"/api/activities/{id}/resume", null, Ct)
            : await (await App.As(account)).PostJson($"/api/activities/{id}/resume", body);

    [Fact]
    public async Task The_team_pauses_a_live_activity_with_a_reason_and_registrants_are_told()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0), "member60");

        var paused = await (await Pause("planner", id, new { reason = "直播平台故障，正在修复" })).Expect<ActivityDto>(HttpStatusCode.OK);

        Assert.Equal(ActivityStatus.Paused, paused.Status);
        Assert.Equal("直播平台故障，正在修复", paused.PauseReason);
        var told = Assert.Single(await Notifications("member60", id, "en"), n => n.Kind == NotificationKind.ActivityPaused);
        Assert.Contains("直播平台故障，正在修复", told.Text);
        var history = await (await Planner).GetStringAsync($"/api/activities/{id}/history", Ct);
        Assert.Contains("activity.paused", history);
    }

    [Fact]
    public async Task A_moderator_may_pause_and_resume_and_registrants_are_told_of_the_resumption()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0), "member61");

        await (await Pause("moderator", id, new { reason = "发现刷屏攻击" })).ShouldBe(HttpStatusCode.OK);
        var resumed = await (await Resume("moderator", id)).Expect<ActivityDto>(HttpStatusCode.OK);

        Assert.Equal(ActivityStatus.Live, resumed.Status);
        Assert.Null(resumed.PauseReason);
        Assert.Single(await Notifications("member61", id), n => n.Kind == NotificationKind.ActivityResumed);
    }

    [Theory]
    [InlineData("planner2")]
    [InlineData("finance")]
    [InlineData("member7")]
    public async Task Others_may_not_pause(string account)
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));

        Assert.Equal("forbidden", (await (await Pause(account, id, new { reason = "x" })).ExpectProblem(HttpStatusCode.Forbidden)).Code);
    }

    [Fact]
    public async Task Pausing_an_unknown_activity_is_not_found()
    {
        await (await Pause("planner", Guid.NewGuid(), new { reason = "x" })).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reason_is_required_and_at_most_2000_characters()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));

        var missing = await (await Pause("planner", id, new { reason = "  " })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.True(missing.Errors!.ContainsKey("reason"));
        await (await Pause("planner", id, new { reason = new string('长', 2001) })).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_a_live_activity_can_be_paused_and_only_a_paused_one_resumed()
    {
        var approved = await OpenActivity();
        Assert.Equal("wrong-state", (await (await Pause("planner", approved, new { reason = "x" })).ExpectProblem(HttpStatusCode.Conflict)).Code);

        var live = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        Assert.Equal("wrong-state", (await (await Resume("planner", live, new { reason = "x" })).ExpectProblem(HttpStatusCode.Conflict)).Code);
        await (await Pause("planner", live, new { reason = "x" })).ShouldBe(HttpStatusCode.OK);
        await (await Pause("planner", live, new { reason = "again" })).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Submissions_are_refused_while_paused_and_accepted_again_after_resuming()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0), "member62");
        await (await Pause("planner", id, new { reason = "维护中" })).ShouldBe(HttpStatusCode.OK);
        var member = await App.As("member62");

        var refused = await (await member.PostJson($"/api/activities/{id}/submissions", new { content = "打卡" }))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("paused", refused.Code);

        await (await Resume("planner", id)).ShouldBe(HttpStatusCode.OK);
        await (await member.PostJson($"/api/activities/{id}/submissions", new { content = "打卡" })).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Nobody_registers_while_paused_and_a_resume_note_is_kept_in_the_history()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        await (await Pause("moderator", id, new { reason = "维护中" })).ShouldBe(HttpStatusCode.OK);

        await (await Register("member63", id)).ShouldBe(HttpStatusCode.UnprocessableEntity);
        await (await Resume("moderator", id, new { reason = "线路已恢复" })).ShouldBe(HttpStatusCode.OK);

        Assert.Contains("线路已恢复", await (await Planner).GetStringAsync($"/api/activities/{id}/history", Ct));
        await (await Register("member63", id)).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_portal_page_shows_members_the_pause_and_its_reason_until_it_resumes()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        await (await Pause("planner", id, new { reason = "直播信号中断，请稍候" })).ShouldBe(HttpStatusCode.OK);
        var anonymous = App.Anonymous();

        var page = await anonymous.GetStringAsync($"/activities/{id}", Ct);
        Assert.Contains("id=\"paused-banner\"", page);
        Assert.Contains("直播信号中断，请稍候", page);

        await (await Resume("planner", id)).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain("paused-banner", await anonymous.GetStringAsync($"/activities/{id}", Ct));
    }
}

public sealed class PauseApiTests_Sqlite(SqliteApp app) : PauseApiTests(app), IClassFixture<SqliteApp>;
public sealed class PauseApiTests_Postgres(PostgresApp app) : PauseApiTests(app), IClassFixture<PostgresApp>;
