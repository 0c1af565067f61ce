using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>
/// Members' profiles, points, levels (M1.2) and suspensions through the API: levels follow points unless staff set
/// them, only moderators and admins change points, only admins set levels, and a suspended member is refused
/// registration and comments with the end date. Each test uses its own demo members (150–170).
/// </summary>
public abstract class MembersApiTests(TestApp app) : ParticipationTests(app)
{
    private sealed record Profile(Guid Id, string Nickname, int Level, bool LevelSetByStaff, int Points,
        List<CompletedTaskView> CompletedTasks, List<PointsLine> Ledger);
    private sealed record PointsAnswer(Guid Id, int Points, int Level);

    private async Task<Profile> ProfileOf(string member) =>
        await (await (await App.As(member)).GetAsync("/api/me/profile", Ct)).Expect<Profile>(HttpStatusCode.OK);

    private async Task HandLevelToPoints(Guid member) =>
        await (await (await Admin).PutJson($"/api/members/{member}/level", new { level = (int?)null })).ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task Saving_the_profile_with_a_nickname_completes_the_complete_profile_task()
    {
        var saved = await (await (await App.As("member150")).PutJson("/api/me/profile", new { nickname = "  摄影爱好者  " }))
            .Expect<Profile>(HttpStatusCode.OK);

        Assert.Equal("摄影爱好者", saved.Nickname);
        Assert.Contains(saved.CompletedTasks, t => t.Key == "complete-profile" && t.ActivityId is null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("这个昵称实在是太长了这个昵称实在是太长了这个昵称实在是太长了这个昵称")]
    public async Task A_blank_or_too_long_nickname_is_refused_naming_the_field(string nickname)
    {
        var problem = await (await (await App.As("member151")).PutJson("/api/me/profile", new { nickname }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["nickname"], problem.Fields);
        Assert.DoesNotContain((await ProfileOf("member151")).CompletedTasks, t => t.Key == "complete-profile");
    }

    [Fact]
    public async Task Points_granted_by_a_moderator_raise_a_level_that_follows_points_and_are_audited()
    {
        var member = await App.UserIdAsync("member152");
        await HandLevelToPoints(member);

        var answer = await (await (await App.As("moderator")).PostJson($"/api/members/{member}/points", new { delta = 600, reason = "优秀作品奖励" }))
            .Expect<PointsAnswer>(HttpStatusCode.OK);
        var profile = await ProfileOf("member152");

        Assert.Equal((600, 3), (answer.Points, answer.Level)); // 500 ≤ 600 < 2000: level 3
        Assert.Equal((600, 3, false), (profile.Points, profile.Level, profile.LevelSetByStaff));
        Assert.Equal([(600, "优秀作品奖励")], profile.Ledger.Select(l => (l.Delta, l.Reason)));
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(e => e.Code == "member.points.adjusted" && e.SubjectId == member.ToString(), Ct)));
    }

    [Fact]
    public async Task Points_and_levels_changed_at_once_by_two_staff_all_land_without_a_deadlock()
    {
        var member = await App.UserIdAsync("member158");
        var moderator = await App.As("moderator");
        var admin = await Admin;
        // The points credit locks the member's row before the audit chain; the level change took the chain first and
        // the row at its save: run together on PostgreSQL they deadlocked (40P01, a 500) until the credit took the chain first.
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => i % 2 == 0
            ? moderator.PostJson($"/api/members/{member}/points", new { delta = 10, reason = $"并发加分 {i}" })
            : admin.PutJson($"/api/members/{member}/level", new { level = 1 + i % 5 })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(6, await App.WithDb(db => db.PointsEntries.CountAsync(p => p.MemberId == member && p.Reason.StartsWith("并发加分"), Ct)));
    }

    [Fact]
    public async Task Deducted_points_lower_the_level_again()
    {
        var member = await App.UserIdAsync("member153");
        await HandLevelToPoints(member);
        var moderator = await App.As("moderator");
        await (await moderator.PostJson($"/api/members/{member}/points", new { delta = 2100, reason = "年度贡献" })).ShouldBe(HttpStatusCode.OK);

        var answer = await (await moderator.PostJson($"/api/members/{member}/points", new { delta = -1700, reason = "违规扣分" }))
            .Expect<PointsAnswer>(HttpStatusCode.OK);

        Assert.Equal((400, 2), (answer.Points, answer.Level));
    }

    [Fact]
    public async Task A_level_set_by_an_admin_does_not_move_with_points()
    {
        var member = await App.UserIdAsync("member154");
        await (await (await Admin).PutJson($"/api/members/{member}/level", new { level = 2 })).ShouldBe(HttpStatusCode.OK);

        var answer = await (await (await App.As("moderator")).PostJson($"/api/members/{member}/points", new { delta = 6000, reason = "活动奖励" }))
            .Expect<PointsAnswer>(HttpStatusCode.OK);

        Assert.Equal((6000, 2), (answer.Points, answer.Level));
    }

    [Fact]
    public async Task Members_cannot_grant_points_and_only_admins_set_levels()
    {
        var member = await App.UserIdAsync("member155");
        await (await (await App.As("member155")).PostJson($"/api/members/{member}/points", new { delta = 100, reason = "自己加分" }))
            .ExpectProblem(HttpStatusCode.Forbidden);
        await (await (await App.As("moderator")).PutJson($"/api/members/{member}/level", new { level = 5 }))
            .ExpectProblem(HttpStatusCode.Forbidden);
        await (await (await Planner).GetAsync("/api/members", Ct)).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await ProfileOf("member155")).Points);
    }

    [Theory]
    [InlineData(0, "delta")]
    [InlineData(100, "reason")]
    public async Task A_points_change_needs_a_non_zero_amount_and_a_reason(int delta, string field)
    {
        var member = await App.UserIdAsync("member156");
        var problem = await (await (await App.As("moderator")).PostJson($"/api/members/{member}/points", new { delta, reason = field == "reason" ? "" : "x" }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.Fields);
    }

    [Fact]
    public async Task Staff_accounts_are_not_members_for_points()
    {
        var planner = await App.UserIdAsync("planner");
        await (await (await App.As("moderator")).PostJson($"/api/members/{planner}/points", new { delta = 10, reason = "x" }))
            .ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_suspended_member_is_refused_registration_and_comments_with_the_end_date_until_it_is_lifted()
    {
        var activity = await OpenActivity();
        var member = await App.UserIdAsync("member157");
        var until = DateTimeOffset.UtcNow.AddDays(3);
        var moderator = await App.As("moderator");
        await (await moderator.PutJson($"/api/members/{member}/suspension", new { until, reason = "恶意刷屏" })).ShouldBe(HttpStatusCode.OK);

        var registration = await (await Register("member157", activity, acceptLanguage: "en")).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        var comment = await (await (await App.As("member157")).PostJson($"/api/activities/{activity}/comments", new { body = "你好" }))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity);
        await (await moderator.PutJson($"/api/members/{member}/suspension", new { until = (DateTimeOffset?)null, reason = "申诉成功" })).ShouldBe(HttpStatusCode.OK);
        var afterLifting = await Register("member157", activity);

        Assert.Equal(("suspended", "suspended"), (registration.Code, comment.Code));
        Assert.Contains(until.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"), registration.Title);
        Assert.Equal(HttpStatusCode.Created, afterLifting.StatusCode);
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(e => e.Code == "member.suspended" && e.SubjectId == member.ToString(), Ct)));
    }

    [Fact]
    public async Task A_suspension_must_end_in_the_future_and_have_a_reason()
    {
        var member = await App.UserIdAsync("member158");
        var moderator = await App.As("moderator");
        var past = await (await moderator.PutJson($"/api/members/{member}/suspension", new { until = DateTimeOffset.UtcNow.AddDays(-1), reason = "x" }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        var noReason = await (await moderator.PutJson($"/api/members/{member}/suspension", new { until = DateTimeOffset.UtcNow.AddDays(1) }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["until"], past.Fields);
        Assert.Equal(["reason"], noReason.Fields);
    }
}

public sealed class MembersApiTests_Sqlite(SqliteApp app) : MembersApiTests(app), IClassFixture<SqliteApp>;
public sealed class MembersApiTests_Postgres(PostgresApp app) : MembersApiTests(app), IClassFixture<PostgresApp>;
