using System.Net;
using System.Text.Json.Nodes;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;
using Huodong.Web.Planning;

namespace Huodong.Tests.Api;

/// <summary>A1/A2: the head reviews, then the leader approves, on the six points; returns, rejections and cancelling.</summary>
public abstract class ApprovalApiTests(TestApp app) : ApiTests(app)
{
    private async Task<HttpResponseMessage> PostReview(Guid id, string by, JsonObject body) =>
        await (await App.As(by)).PostJson($"/api/activities/{id}/reviews", body);

    [Fact]
    public async Task The_head_passes_on_all_six_points_and_the_plan_goes_to_the_leader()
    {
        var submitted = await InHeadReview();

        var passed = await Review(submitted.Id, "head", "pass");

        Assert.Equal(ActivityStatus.LeaderReview, passed.Status);
        Assert.Equal(1, passed.Version);
        Assert.Null(passed.ApprovedVersion);
    }

    [Fact]
    public async Task The_leader_approves_and_the_submitted_version_becomes_the_approved_version()
    {
        var atLeader = await InLeaderReview();

        var approved = await Review(atLeader.Id, "leader", "pass");

        Assert.Equal(ActivityStatus.Approved, approved.Status);
        Assert.Equal(1, approved.ApprovedVersion);
        Assert.Equal(atLeader.VersionHash, approved.VersionHash);
        Assert.Null(approved.AmendmentStatus);
    }

    [Theory]
    [InlineData("head", "theme")]
    [InlineData("head", "risks")]
    [InlineData("leader", "rewards")]
    public async Task A_pass_with_a_failed_point_is_400_and_changes_nothing(string reviewer, string failed)
    {
        var plan = reviewer == "head" ? await InHeadReview() : await InLeaderReview();

        var problem = await (await PostReview(plan.Id, reviewer, Verdicts.Body("pass", failed))).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("points", problem.Fields);
        Assert.Equal(plan.Status, (await Get(plan.Id)).Status);
    }

    [Theory]
    [InlineData("pass", "content")]
    [InlineData("return", "risks")]
    [InlineData("reject", "theme")]
    public async Task A_review_missing_a_point_is_400(string decision, string missing)
    {
        var plan = await InHeadReview();
        var body = Verdicts.Body(decision);
        body["points"]!.AsObject().Remove(missing);

        var problem = await (await PostReview(plan.Id, "head", body)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("points", problem.Fields);
        Assert.Equal(ActivityStatus.HeadReview, (await Get(plan.Id)).Status);
    }

    [Fact]
    public async Task A_review_without_points_is_400()
    {
        var plan = await InHeadReview();
        var problem = await (await PostReview(plan.Id, "head", new JsonObject { ["decision"] = "return" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("points", problem.Fields);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("0")]
    [InlineData("pass,reject")]
    [InlineData("")]
    public async Task An_unknown_decision_is_400_naming_decision(string decision)
    {
        var plan = await InHeadReview();
        var body = Verdicts.Body("pass");
        body["decision"] = decision;

        var problem = await (await PostReview(plan.Id, "head", body)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("decision", problem.Fields);
        Assert.Equal(ActivityStatus.HeadReview, (await Get(plan.Id)).Status);
    }

    [Theory]
    [InlineData("budget")]
    [InlineData("1")]
    [InlineData("theme,content")]
    public async Task An_unknown_review_point_is_400_naming_it(string point)
    {
        var plan = await InHeadReview();
        var body = Verdicts.Body("pass");
        body["points"]![point] = new JsonObject { ["ok"] = true };

        var problem = await (await PostReview(plan.Id, "head", body)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains($"points.{point}", problem.Fields);
    }

    [Fact]
    public async Task A_malformed_review_body_is_400_naming_the_field()
    {
        var plan = await InHeadReview();
        var problem = await (await (await Head).PostJson($"/api/activities/{plan.Id}/reviews", "{\"decision\":\"pass\",\"points\":{\"theme\":{\"ok\":\"yes\"}}}"))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Fields, f => f.StartsWith("points", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_leader_cannot_review_while_the_plan_waits_for_the_head()
    {
        var plan = await InHeadReview();
        // The leader has not been sent the plan yet, so to them it does not exist.
        await (await PostReview(plan.Id, "leader", Verdicts.Body("pass"))).ExpectProblem(HttpStatusCode.NotFound);

        // Once a plan has reached the leader (then been returned and resubmitted), they see it but it is not their stage.
        await Review(plan.Id, "head", "pass");
        await Review(plan.Id, "leader", "return", "resources");
        await Submit(plan.Id);
        var problem = await (await PostReview(plan.Id, "leader", Verdicts.Body("pass"))).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("wrong-stage", problem.Code);
        Assert.Equal(ActivityStatus.HeadReview, (await Get(plan.Id)).Status);
    }

    [Fact]
    public async Task The_head_cannot_review_at_the_leaders_stage()
    {
        var plan = await InLeaderReview();
        var problem = await (await PostReview(plan.Id, "head", Verdicts.Body("pass"))).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("wrong-stage", problem.Code);
        Assert.Equal(ActivityStatus.LeaderReview, (await Get(plan.Id)).Status);
    }

    [Theory]
    [InlineData("planner")]
    [InlineData("planner2")]
    [InlineData("admin")]
    [InlineData("moderator")]
    public async Task Staff_who_are_not_reviewers_cannot_review(string account)
    {
        var plan = await InHeadReview(Plans.Complete().WithTeam("planner2"));
        await (await PostReview(plan.Id, account, Verdicts.Body("pass"))).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal(ActivityStatus.HeadReview, (await Get(plan.Id)).Status);
    }

    [Fact]
    public async Task A_member_cannot_review_a_plan_they_cannot_see()
    {
        var plan = await InHeadReview();
        await (await PostReview(plan.Id, "member9", Verdicts.Body("pass"))).ExpectProblem(HttpStatusCode.NotFound);
        await (await App.Anonymous().PostJson($"/api/activities/{plan.Id}/reviews", Verdicts.Body("pass"))).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_head_on_the_planning_team_may_not_review_the_plan()
    {
        var plan = await InHeadReview(Plans.Complete().WithTeam("head"));

        var problem = await (await PostReview(plan.Id, "head", Verdicts.Body("pass"))).ExpectProblem(HttpStatusCode.Forbidden);

        Assert.Equal("reviewer-on-team", problem.Code);
        Assert.Equal(ActivityStatus.HeadReview, (await Get(plan.Id)).Status);
    }

    [Fact]
    public async Task A_head_who_wrote_the_plan_may_not_review_it_but_another_head_may()
    {
        var plannerHead = await App.CreateStaffAsync("planner-head", Roles.Planner, Roles.CommunityHead);
        var draft = await CreateDraft(author: plannerHead);
        await Submit(draft.Id, by: plannerHead);

        var problem = await (await PostReview(draft.Id, plannerHead, Verdicts.Body("pass"))).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("reviewer-on-team", problem.Code);

        Assert.Equal(ActivityStatus.LeaderReview, (await Review(draft.Id, "head", "pass")).Status);
    }

    [Fact]
    public async Task A_leader_on_the_team_may_not_approve_but_a_second_leader_may()
    {
        var plan = await InLeaderReview(Plans.Complete().WithTeam("leader"));
        var problem = await (await PostReview(plan.Id, "leader", Verdicts.Body("pass"))).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("reviewer-on-team", problem.Code);

        var secondLeader = await App.CreateStaffAsync("leader-two", Roles.Leader);
        Assert.Equal(ActivityStatus.Approved, (await Review(plan.Id, secondLeader, "pass")).Status);
    }

    [Fact]
    public async Task Reviewing_a_draft_is_a_conflict()
    {
        var draft = await CreateDraft();
        var problem = await (await PostReview(draft.Id, "head", Verdicts.Body("pass"))).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("nothing-to-review", problem.Code);
    }

    [Fact]
    public async Task A_returned_plan_is_edited_and_resubmitted_as_version_2()
    {
        var submitted = await InHeadReview();

        var returned = await Review(submitted.Id, "head", "return", "risks");
        Assert.Equal(ActivityStatus.Returned, returned.Status);

        var better = Plans.Complete(submitted.Title) with
        {
            Risks = [.. Plans.Complete().Risks, new Risk("服务器压力", RiskLevel.High, RiskLevel.High, "提前扩容")],
        };
        var edited = await (await (await Planner).PutJson($"/api/activities/{submitted.Id}", better)).Expect<ActivityDto>(HttpStatusCode.OK);
        Assert.Equal(ActivityStatus.Returned, edited.Status);
        Assert.Equal(3, edited.Risks!.Count);

        var resubmitted = await Submit(submitted.Id);
        Assert.Equal(ActivityStatus.HeadReview, resubmitted.Status);
        Assert.Equal(2, resubmitted.Version);
        Assert.NotEqual(submitted.VersionHash, resubmitted.VersionHash);
    }

    [Fact]
    public async Task The_leader_may_return_a_plan_to_the_team_too()
    {
        var plan = await InLeaderReview();
        Assert.Equal(ActivityStatus.Returned, (await Review(plan.Id, "leader", "return", "resources")).Status);
        Assert.Equal(2, (await Submit(plan.Id)).Version);
    }

    [Fact]
    public async Task Resubmitting_an_unchanged_plan_still_freezes_a_new_version_with_the_same_hash()
    {
        var submitted = await InHeadReview();
        await Review(submitted.Id, "head", "return");
        var again = await Submit(submitted.Id);
        Assert.Equal(2, again.Version);
        Assert.Equal(submitted.VersionHash, again.VersionHash);
    }

    [Theory]
    [InlineData("head")]
    [InlineData("leader")]
    public async Task A_rejected_plan_is_final(string by)
    {
        var plan = by == "head" ? await InHeadReview() : await InLeaderReview();

        var rejected = await Review(plan.Id, by, "reject", "content");
        Assert.Equal(ActivityStatus.Rejected, rejected.Status);

        var planner = await Planner;
        Assert.Equal("wrong-state", (await (await planner.PostJson($"/api/activities/{plan.Id}/submit", null)).ExpectProblem(HttpStatusCode.Conflict)).Code);
        await (await planner.PutJson($"/api/activities/{plan.Id}", Plans.Complete())).ExpectProblem(HttpStatusCode.Conflict);
        await (await planner.PostJson($"/api/activities/{plan.Id}/amendments", Plans.Complete())).ExpectProblem(HttpStatusCode.Conflict);
        await (await PostReview(plan.Id, "head", Verdicts.Body("pass"))).ExpectProblem(HttpStatusCode.Conflict);
        await (await planner.PostJson($"/api/activities/{plan.Id}/cancel", new { reason = "不办了" })).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal(ActivityStatus.Rejected, (await Get(plan.Id)).Status);
    }

    [Fact]
    public async Task The_team_cancels_with_a_reason()
    {
        var draft = await CreateDraft(Plans.Complete().WithTeam("planner2"));

        var cancelled = await (await (await Planner2).PostJson($"/api/activities/{draft.Id}/cancel", new { reason = "  与年会冲突  " }))
            .Expect<ActivityDto>(HttpStatusCode.OK);

        Assert.Equal(ActivityStatus.Cancelled, cancelled.Status);
        Assert.Equal("与年会冲突", cancelled.CancelReason);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"reason\":\"\"}")]
    [InlineData("{\"reason\":\"   \"}")]
    [InlineData("{\"reason\":null}")]
    public async Task Cancelling_without_a_reason_is_400_naming_reason(string body)
    {
        var draft = await CreateDraft();
        var problem = await (await (await Planner).PostJson($"/api/activities/{draft.Id}/cancel", body)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("reason", problem.Fields);
        Assert.Equal(ActivityStatus.Draft, (await Get(draft.Id)).Status);
    }

    [Fact]
    public async Task An_overlong_cancel_reason_is_400_not_a_server_error()
    {
        var draft = await CreateDraft();
        var problem = await (await (await Planner).PostJson($"/api/activities/{draft.Id}/cancel", new { reason = new string('因', 2001) }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("reason", problem.Fields);
        Assert.Equal(ActivityStatus.Draft, (await Get(draft.Id)).Status);

        var atLimit = await (await (await Planner).PostJson($"/api/activities/{draft.Id}/cancel", new { reason = new string('因', 2000) }))
            .Expect<ActivityDto>(HttpStatusCode.OK);
        Assert.Equal(2000, atLimit.CancelReason!.Length);
    }

    [Fact]
    public async Task An_overlong_review_comment_is_400()
    {
        var plan = await InHeadReview();
        var body = Verdicts.Body("return", "risks");
        body["comment"] = new string('评', 4001);
        var problem = await (await PostReview(plan.Id, "head", body)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("comment", problem.Fields);
    }

    [Fact]
    public async Task A_cancelled_plan_cannot_be_cancelled_again_or_submitted()
    {
        var draft = await CreateDraft();
        var planner = await Planner;
        await (await planner.PostJson($"/api/activities/{draft.Id}/cancel", new { reason = "取消" })).ShouldBe(HttpStatusCode.OK);
        await (await planner.PostJson($"/api/activities/{draft.Id}/cancel", new { reason = "再取消" })).ExpectProblem(HttpStatusCode.Conflict);
        await (await planner.PostJson($"/api/activities/{draft.Id}/submit", null)).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("leader-review")]
    [InlineData("approved")]
    public async Task The_leader_may_cancel_a_plan_they_can_see(string stage)
    {
        var plan = stage == "approved" ? await Approved() : await InLeaderReview();

        var cancelled = await (await (await Leader).PostJson($"/api/activities/{plan.Id}/cancel", new { reason = "公司战略调整" }))
            .Expect<ActivityDto>(HttpStatusCode.OK);

        Assert.Equal(ActivityStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public async Task Someone_outside_the_team_cannot_cancel()
    {
        var draft = await CreateDraft();
        await (await (await Planner2).PostJson($"/api/activities/{draft.Id}/cancel", new { reason = "x" })).ExpectProblem(HttpStatusCode.NotFound);

        var approved = await Approved();
        await (await (await Planner2).PostJson($"/api/activities/{approved.Id}/cancel", new { reason = "x" })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await (await Member).PostJson($"/api/activities/{approved.Id}/cancel", new { reason = "x" })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await (await Head).PostJson($"/api/activities/{approved.Id}/cancel", new { reason = "x" })).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal(ActivityStatus.Approved, (await Get(approved.Id)).Status);
    }

    [Fact]
    public async Task Reviews_are_listed_with_their_verdict_on_each_point()
    {
        var plan = await InLeaderReview();
        await Review(plan.Id, "leader", "return", "rewards");

        var reviews = await (await (await Planner).GetAsync($"/api/activities/{plan.Id}/reviews", Ct)).Expect<JsonObject>(HttpStatusCode.OK);

        var items = reviews["items"]!.AsArray();
        Assert.Equal(2, (int)reviews["total"]!);
        Assert.Equal(["Head", "Leader"], items.Select(i => (string)i!["stage"]!));
        Assert.Equal(["Pass", "Return"], items.Select(i => (string)i!["decision"]!));
        Assert.All(items, i => Assert.Equal(plan.VersionHash, (string)i!["planHash"]!));
        var points = items[1]!["points"]!.AsObject();
        Assert.Equal(["content", "participation", "resources", "rewards", "risks", "theme"], points.Select(p => p.Key).Order());
        Assert.False((bool)points["rewards"]!["ok"]!);
        Assert.True((bool)points["theme"]!["ok"]!);
        await (await (await Member).GetAsync($"/api/activities/{plan.Id}/reviews", Ct)).ExpectProblem(HttpStatusCode.NotFound);
    }
}

public sealed class ApprovalApiTests_Sqlite(SqliteApp app) : ApprovalApiTests(app), IClassFixture<SqliteApp>;
public sealed class ApprovalApiTests_Postgres(PostgresApp app) : ApprovalApiTests(app), IClassFixture<PostgresApp>;
