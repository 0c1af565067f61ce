using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Planning;

namespace Huodong.Tests.Api;

/// <summary>
/// Changing an approved plan (DESIGN.md): the amendment goes through both levels while the approved version stays
/// in force; and the record of it all: history and frozen versions.
/// </summary>
public abstract class AmendmentApiTests(TestApp app) : ApiTests(app)
{
    private async Task<ActivityDto> Amend(Guid id, Plan plan, string by = "planner") =>
        await (await (await App.As(by)).PostJson($"/api/activities/{id}/amendments", plan)).Expect<ActivityDto>(HttpStatusCode.OK);

    [Fact]
    public async Task The_approved_version_stays_in_force_for_members_until_both_levels_approve_the_amendment()
    {
        var plan = Plans.Complete().WithCapacity(500);
        var approved = await Approved(plan);

        var amending = await Amend(approved.Id, plan.WithCapacity(800));
        Assert.Equal(ActivityStatus.Approved, amending.Status);
        Assert.Equal(AmendmentStatus.HeadReview, amending.AmendmentStatus);
        Assert.Equal(2, amending.Version);
        Assert.Equal(1, amending.ApprovedVersion);
        Assert.Equal(800, amending.Participation!.Capacity);          // the team sees what it proposes …
        Assert.Equal(500, amending.ApprovedPlan!.Participation.Capacity); // … beside what is in force
        Assert.Equal(500, (await Get(approved.Id, "member7")).Participation!.Capacity);

        var atLeader = await Review(approved.Id, "head", "pass");
        Assert.Equal(AmendmentStatus.LeaderReview, atLeader.AmendmentStatus);
        Assert.Equal(ActivityStatus.Approved, atLeader.Status);
        Assert.Equal(500, (await Get(approved.Id, "member7")).Participation!.Capacity);

        var done = await Review(approved.Id, "leader", "pass");
        Assert.Null(done.AmendmentStatus);
        Assert.Equal(ActivityStatus.Approved, done.Status);
        Assert.Equal(2, done.ApprovedVersion);
        Assert.Equal(800, (await Get(approved.Id, "member7")).Participation!.Capacity);
    }

    [Fact]
    public async Task The_in_force_title_in_lists_changes_only_when_the_amendment_is_approved()
    {
        var plan = Plans.Complete();
        var approved = await Approved(plan);
        var newTitle = $"{plan.Title}（扩容）";
        await Amend(approved.Id, plan with { Title = newTitle });

        async Task<string> ListedTitle() =>
            (await (await App.Anonymous().GetAsync("/api/activities?pageSize=200", Ct)).Expect<Page<ActivitySummary>>(HttpStatusCode.OK))
            .Items.Single(a => a.Id == approved.Id).Title;

        Assert.Equal(plan.Title, await ListedTitle());
        await Review(approved.Id, "head", "pass");
        await Review(approved.Id, "leader", "pass");
        Assert.Equal(newTitle, await ListedTitle());
    }

    [Theory]
    [InlineData("head")]
    [InlineData("leader")]
    public async Task A_rejected_amendment_is_dropped_and_the_working_plan_is_the_approved_one_again(string rejectedBy)
    {
        var plan = Plans.Complete().WithCapacity(500);
        var approved = await Approved(plan);
        await Amend(approved.Id, plan.WithCapacity(900));
        if (rejectedBy == "leader") await Review(approved.Id, "head", "pass");

        var rejected = await Review(approved.Id, rejectedBy, "reject", "resources");

        Assert.Equal(ActivityStatus.Approved, rejected.Status);
        Assert.Null(rejected.AmendmentStatus);
        Assert.Equal(1, rejected.ApprovedVersion);
        Assert.Equal(500, rejected.Participation!.Capacity);
        Assert.Equal(500, (await Get(approved.Id)).Participation!.Capacity);
        Assert.Equal(500, (await Get(approved.Id, "member7")).Participation!.Capacity);
    }

    [Fact]
    public async Task A_rejected_amendment_leaves_the_approved_team_in_place()
    {
        var plan = Plans.Complete().WithTeam("planner2");
        var approved = await Approved(plan);
        await Amend(approved.Id, plan.WithTeam().WithCapacity(900));

        await Review(approved.Id, "head", "reject", "resources");

        var seen = await Get(approved.Id);
        Assert.Equal(["planner2@demo.huodong"], seen.Team);
        Assert.NotNull((await Get(approved.Id, "planner2")).Budget); // planner2 is an insider again
    }

    [Fact]
    public async Task An_amendment_does_not_change_the_team_before_it_is_approved()
    {
        var plan = Plans.Complete().WithTeam("planner2");
        var approved = await Approved(plan);

        await Amend(approved.Id, plan.WithTeam().WithCapacity(900));

        Assert.Equal(["planner2@demo.huodong"], (await Get(approved.Id, "head")).Team);
    }

    [Fact]
    public async Task An_approved_amendment_puts_its_team_in_force()
    {
        var plan = Plans.Complete().WithTeam("planner2");
        var approved = await Approved(plan);
        await Amend(approved.Id, plan.WithTeam("moderator").WithCapacity(900));
        await Review(approved.Id, "head", "pass");

        var done = await Review(approved.Id, "leader", "pass");

        Assert.Equal(["moderator@demo.huodong"], (await Get(approved.Id)).Team);
        Assert.Null((await Get(approved.Id, "planner2")).Budget); // no longer an insider
        Assert.Equal(2, done.ApprovedVersion);
    }

    [Fact]
    public async Task A_returned_amendment_may_be_changed_and_sent_again()
    {
        var plan = Plans.Complete().WithCapacity(500);
        var approved = await Approved(plan);
        await Amend(approved.Id, plan.WithCapacity(900));

        var returned = await Review(approved.Id, "head", "return", "resources");
        Assert.Equal(AmendmentStatus.Returned, returned.AmendmentStatus);
        Assert.Equal(1, returned.ApprovedVersion);

        var again = await Amend(approved.Id, plan.WithCapacity(700));
        Assert.Equal(AmendmentStatus.HeadReview, again.AmendmentStatus);
        Assert.Equal(3, again.Version);
    }

    [Fact]
    public async Task A_second_amendment_while_one_is_under_review_is_a_conflict()
    {
        var plan = Plans.Complete();
        var approved = await Approved(plan);
        await Amend(approved.Id, plan.WithCapacity(900));

        var problem = await (await (await Planner).PostJson($"/api/activities/{approved.Id}/amendments", plan.WithCapacity(950)))
            .ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("amendment-pending", problem.Code);
    }

    [Fact]
    public async Task An_amendment_that_changes_nothing_is_400()
    {
        var plan = Plans.Complete();
        var approved = await Approved(plan);
        var problem = await (await (await Planner).PostJson($"/api/activities/{approved.Id}/amendments", plan)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("plan", problem.Fields);
    }

    [Fact]
    public async Task An_incomplete_amendment_names_the_missing_parts()
    {
        var plan = Plans.Complete();
        var approved = await Approved(plan);
        var problem = await (await (await Planner).PostJson($"/api/activities/{approved.Id}/amendments", plan with { Budget = [] }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["budget"], problem.Fields);
    }

    [Fact]
    public async Task Approved_plans_change_only_by_amendment_and_unapproved_ones_only_by_edit()
    {
        var approved = await Approved();
        await (await (await Planner).PutJson($"/api/activities/{approved.Id}", Plans.Complete())).ExpectProblem(HttpStatusCode.Conflict);

        var draft = await CreateDraft();
        await (await (await Planner).PostJson($"/api/activities/{draft.Id}/amendments", Plans.Complete())).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_the_team_may_amend()
    {
        var approved = await Approved();
        await (await (await Planner2).PostJson($"/api/activities/{approved.Id}/amendments", Plans.Complete())).ExpectProblem(HttpStatusCode.Forbidden);
        await (await (await Member).PostJson($"/api/activities/{approved.Id}/amendments", Plans.Complete())).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task History_lists_every_transition_in_order_with_actor_time_version_and_content_hash()
    {
        var draft = await CreateDraft();
        var v1 = await Submit(draft.Id);
        await Review(draft.Id, "head", "return", "risks");
        await (await (await Planner).PutJson($"/api/activities/{draft.Id}", Plans.Complete(draft.Title + "（修订）"))).ShouldBe(HttpStatusCode.OK);
        var v2 = await Submit(draft.Id);
        await Review(draft.Id, "head", "pass");
        await Review(draft.Id, "leader", "pass");

        var history = await (await (await Planner).GetAsync($"/api/activities/{draft.Id}/history", Ct)).Expect<Page<HistoryItem>>(HttpStatusCode.OK);

        Assert.Equal(7, history.Total);
        Assert.Equal(
            [
                ("activity.created", ActivityStatus.Draft, ActivityStatus.Draft, "planner", 0, null),
                ("activity.submitted", ActivityStatus.Draft, ActivityStatus.HeadReview, "planner", 1, v1.VersionHash),
                ("activity.review.head.returned", ActivityStatus.HeadReview, ActivityStatus.Returned, "head", 1, v1.VersionHash),
                ("activity.updated", ActivityStatus.Returned, ActivityStatus.Returned, "planner", 1, v1.VersionHash),
                ("activity.submitted", ActivityStatus.Returned, ActivityStatus.HeadReview, "planner", 2, v2.VersionHash),
                ("activity.review.head.passed", ActivityStatus.HeadReview, ActivityStatus.LeaderReview, "head", 2, v2.VersionHash),
                ("activity.review.leader.approved", ActivityStatus.LeaderReview, ActivityStatus.Approved, "leader", 2, v2.VersionHash),
            ],
            history.Items.Select(h => (h.Action, h.From, h.To, h.Actor.Split('@')[0], h.Version, h.ContentHash)));
        Assert.Equal(history.Items.Select(h => h.Time).Order(), history.Items.Select(h => h.Time));
        Assert.All(history.Items, h => Assert.InRange(h.Time, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.All(history.Items, h => Assert.False(string.IsNullOrEmpty(h.ActorName)));
    }

    [Fact]
    public async Task History_records_the_cancel_reason_and_amendment_steps()
    {
        var plan = Plans.Complete();
        var approved = await Approved(plan);
        await Amend(approved.Id, plan.WithCapacity(900));
        await Review(approved.Id, "head", "pass");
        await Review(approved.Id, "leader", "pass");
        await (await (await Leader).PostJson($"/api/activities/{approved.Id}/cancel", new { reason = "场地取消" })).ShouldBe(HttpStatusCode.OK);

        var history = await (await (await Head).GetAsync($"/api/activities/{approved.Id}/history", Ct)).Expect<Page<HistoryItem>>(HttpStatusCode.OK);

        Assert.Equal(
            ["activity.amendment.submitted", "activity.amendment.review.head.passed", "activity.amendment.review.leader.approved", "activity.cancelled"],
            history.Items.Skip(4).Select(h => h.Action));
        var cancelled = history.Items[^1];
        Assert.Equal((ActivityStatus.Approved, ActivityStatus.Cancelled, "场地取消"), (cancelled.From, cancelled.To, cancelled.Note));
        Assert.Equal("leader@demo.huodong", cancelled.Actor);
    }

    [Fact]
    public async Task History_is_for_the_team_and_reviewers_only()
    {
        var approved = await Approved();
        await (await (await Head).GetAsync($"/api/activities/{approved.Id}/history", Ct)).ShouldBe(HttpStatusCode.OK);
        await (await (await Leader).GetAsync($"/api/activities/{approved.Id}/history", Ct)).ShouldBe(HttpStatusCode.OK);
        await (await (await Member).GetAsync($"/api/activities/{approved.Id}/history", Ct)).ExpectProblem(HttpStatusCode.NotFound);
        await (await (await Planner2).GetAsync($"/api/activities/{approved.Id}/history", Ct)).ExpectProblem(HttpStatusCode.NotFound);
        await (await App.Anonymous().GetAsync($"/api/activities/{approved.Id}/history", Ct)).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_frozen_version_is_the_plan_whose_sha256_of_canonical_json_is_the_recorded_hash()
    {
        var plan = Plans.Complete();
        var submitted = await InHeadReview(plan);
        await (await (await Head).PostJson($"/api/activities/{submitted.Id}/reviews", Verdicts.Body("return", "theme"))).ShouldBe(HttpStatusCode.OK);
        await (await (await Planner).PutJson($"/api/activities/{submitted.Id}", plan with { Theme = "新的主题" })).ShouldBe(HttpStatusCode.OK);
        var resubmitted = await Submit(submitted.Id);

        var v1 = await (await (await Planner).GetAsync($"/api/activities/{submitted.Id}/versions/1", Ct)).Expect<JsonObject>(HttpStatusCode.OK);
        var v2 = await (await (await Head).GetAsync($"/api/activities/{submitted.Id}/versions/2", Ct)).Expect<JsonObject>(HttpStatusCode.OK);

        Assert.Equal(submitted.VersionHash, (string)v1["hash"]!);
        Assert.Equal(resubmitted.VersionHash, (string)v2["hash"]!);
        Assert.False((bool)v1["isAmendment"]!);
        Assert.Equal(plan.Theme, (string)v1["plan"]!["theme"]!);
        Assert.Equal("新的主题", (string)v2["plan"]!["theme"]!);
        foreach (var v in new[] { v1, v2 })
        {
            var frozen = Plan.FromJson(v["plan"]!.ToJsonString());
            var canonical = frozen.ToCanonicalJson();
            Assert.Equal((string)v["hash"]!, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        }
        Assert.Equal(plan, Plan.FromJson(v1["plan"]!.ToJsonString()), PlanComparer.Instance);
    }

    [Fact]
    public async Task Versions_are_for_insiders_and_unknown_numbers_are_404()
    {
        var approved = await Approved();
        await (await (await Planner).GetAsync($"/api/activities/{approved.Id}/versions/2", Ct)).ExpectProblem(HttpStatusCode.NotFound);
        await (await (await Planner).GetAsync($"/api/activities/{approved.Id}/versions/0", Ct)).ExpectProblem(HttpStatusCode.NotFound);
        await (await (await Member).GetAsync($"/api/activities/{approved.Id}/versions/1", Ct)).ExpectProblem(HttpStatusCode.NotFound);
    }

    /// <summary>Plans hold lists, so records compare them by reference; compare their canonical JSON instead.</summary>
    private sealed class PlanComparer : IEqualityComparer<Plan>
    {
        public static readonly PlanComparer Instance = new();
        public bool Equals(Plan? x, Plan? y) => x?.ToCanonicalJson() == y?.ToCanonicalJson();
        public int GetHashCode(Plan obj) => obj.ToCanonicalJson().GetHashCode();
    }
}

public sealed class AmendmentApiTests_Sqlite(SqliteApp app) : AmendmentApiTests(app), IClassFixture<SqliteApp>;
public sealed class AmendmentApiTests_Postgres(PostgresApp app) : AmendmentApiTests(app), IClassFixture<PostgresApp>;
