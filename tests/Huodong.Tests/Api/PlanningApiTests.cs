using System.Net;
using System.Text.Json.Nodes;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>API.md "Activities": creating, reading, editing, submitting and listing plans (P2.3–P2.5, B1.1).</summary>
public abstract class PlanningApiTests(TestApp app) : ApiTests(app)
{
    [Fact]
    public async Task A_planner_creates_a_draft_and_gets_201_with_id_status_and_version()
    {
        var plan = Plans.Complete();
        var response = await (await Planner).PostJson("/api/activities", plan);

        var created = await response.Expect<ActivityDto>(HttpStatusCode.Created);
        Assert.NotEqual(Guid.Empty, created.Id);
        Assert.Equal(ActivityStatus.Draft, created.Status);
        Assert.Equal(0, created.Version);
        Assert.Null(created.ApprovedVersion);
        Assert.Equal($"/api/activities/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(plan.Title, created.Title);
        Assert.Equal(plan.Budget, created.Budget);
        Assert.Equal(plan.Participation.Capacity, created.Participation!.Capacity);
    }

    [Fact]
    public async Task A_draft_may_be_incomplete()
    {
        var created = await (await Planner).PostJson("/api/activities", new { title = "只有标题" });
        var dto = await created.Expect<ActivityDto>(HttpStatusCode.Created);
        Assert.Equal(ActivityStatus.Draft, dto.Status);
    }

    [Theory]
    [InlineData("format", "\"Banana\"", "format")]
    [InlineData("rewards[0].kind", "\"Gold\"", "rewards[0].kind")]
    [InlineData("participation.capacity", "\"many\"", "participation.capacity")]
    [InlineData("budget[0].amount", "-1", "budget[0].amount")]
    [InlineData("budget[1].amount", "10.123", "budget[1].amount")]
    [InlineData("rewards[0].unitValue", "1.005", "rewards[0].unitValue")]
    [InlineData("rewards[0].unitValue", "-0.01", "rewards[0].unitValue")]
    [InlineData("rewards[1].quantity", "0", "rewards[1].quantity")]
    [InlineData("participation.capacity", "-3", "participation.capacity")]
    [InlineData("participation.capacity", "0", "participation.capacity")]
    [InlineData("eligibility.minLevel", "9", "eligibility.minLevel")]
    [InlineData("schedule.endsAt", "\"2026-01-01T00:00:00+08:00\"", "schedule.endsAt")]
    [InlineData("schedule.registrationClosesAt", "\"2020-01-01T00:00:00+08:00\"", "schedule.registrationClosesAt")]
    [InlineData("team", "[\"nobody@nowhere.example\"]", "team[0]")]
    [InlineData("team", "[\"member3@demo.huodong\"]", "team[0]")]
    [InlineData("risks[0].description", "\"\"", "risks[0].description")]
    public async Task Creating_a_plan_with_a_bad_value_answers_400_naming_the_field(string path, string json, string field)
    {
        var body = Plans.Complete().AsJson().Set(path, JsonNode.Parse(json));

        var problem = await (await (await Planner).PostJson("/api/activities", body)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Fields);
        Assert.Equal("validation", problem.Code);
        Assert.All(problem.Errors![field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public async Task A_title_over_200_characters_is_refused()
    {
        var problem = await (await (await Planner).PostJson("/api/activities", Plans.Complete(new string('长', 201))))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("title", problem.Fields);
    }

    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("{\"title\": \"x\",}")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    public async Task Malformed_json_answers_400_problem_details_naming_a_field(string body)
    {
        var problem = await (await (await Planner).PostJson("/api/activities", body)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.Fields);
    }

    [Fact]
    public async Task A_body_that_is_not_json_answers_400_not_415_or_500()
    {
        var client = await Planner;
        var response = await client.PostAsync("/api/activities", new StringContent("title=x"), Ct);
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("body", problem.Fields);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("theme")]
    [InlineData("team")]
    [InlineData("risks[0].mitigation")]
    public async Task A_nul_character_in_text_is_400_naming_the_field_not_a_server_error(string path)
    {
        JsonNode value = path == "team" ? new JsonArray("planner2@demo.huodong\u0000") : "nul\u0000here";
        var body = Plans.Complete().AsJson().Set(path, value);

        var problem = await (await (await Planner).PostJson("/api/activities", body)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains(path == "team" ? "team[0]" : path, problem.Fields);
    }

    [Fact]
    public async Task A_nul_character_in_a_cancel_reason_or_review_comment_is_400()
    {
        var draft = await CreateDraft();
        var cancel = await (await (await Planner).PostJson($"/api/activities/{draft.Id}/cancel", new { reason = "因为\u0000" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("reason", cancel.Fields);

        var submitted = await Submit(draft.Id);
        var body = Huodong.Tests.Builders.Verdicts.Body("return", "risks");
        body["comment"] = "请\u0000修改";
        var review = await (await (await Head).PostJson($"/api/activities/{submitted.Id}/reviews", body)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("comment", review.Fields);
    }

    [Fact]
    public async Task A_refused_plan_is_not_half_written()
    {
        var title = $"不应保存 {Guid.NewGuid():N}";
        var body = Plans.Complete(title).AsJson().Set("team", JsonNode.Parse("[\"nobody@nowhere.example\"]"));
        await (await (await Planner).PostJson("/api/activities", body)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.False(await App.WithDb(db => db.Activities.AnyAsync(a => a.Title == title, Ct)));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problem_details()
    {
        var problem = await (await App.Anonymous().PostJson("/api/activities", Plans.Complete())).ExpectProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(401, problem.Status);
    }

    [Theory]
    [InlineData("member7")]
    [InlineData("head")]
    [InlineData("leader")]
    [InlineData("moderator")]
    [InlineData("finance")]
    [InlineData("admin")]
    public async Task Only_planners_create_plans(string account)
    {
        var response = await (await App.As(account)).PostJson("/api/activities", Plans.Complete());
        await response.ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_team_edits_a_draft_and_reads_it_back()
    {
        var draft = await CreateDraft(Plans.Complete().WithTeam("planner2"));
        var changed = Plans.Complete("改过的标题").WithTeam("planner2").WithCapacity(321);

        var edited = await (await (await Planner2).PutJson($"/api/activities/{draft.Id}", changed)).Expect<ActivityDto>(HttpStatusCode.OK);

        Assert.Equal("改过的标题", edited.Title);
        Assert.Equal(321, edited.Participation!.Capacity);
        Assert.Equal(ActivityStatus.Draft, edited.Status);
        Assert.Equal(["planner2@demo.huodong"], edited.Team);
        Assert.Equal("改过的标题", (await Get(draft.Id)).Title);
    }

    [Fact]
    public async Task An_edit_with_a_bad_value_is_refused_and_leaves_the_plan_as_it_was()
    {
        var draft = await CreateDraft();
        var body = Plans.Complete("坏的修改").AsJson().Set("budget[0].amount", JsonValue.Create(1.999m));

        var problem = await (await (await Planner).PutJson($"/api/activities/{draft.Id}", body)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("budget[0].amount", problem.Fields);
        Assert.Equal(draft.Title, (await Get(draft.Id)).Title);
    }

    [Fact]
    public async Task A_submitted_plan_can_no_longer_be_edited()
    {
        var submitted = await InHeadReview();
        var problem = await (await (await Planner).PutJson($"/api/activities/{submitted.Id}", Plans.Complete()))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("wrong-state", problem.Code);
    }

    [Fact]
    public async Task A_planner_not_on_the_team_cannot_see_or_edit_or_submit_a_draft()
    {
        var draft = await CreateDraft();
        var outsider = await Planner2;

        await (await outsider.GetAsync($"/api/activities/{draft.Id}", Ct)).ExpectProblem(HttpStatusCode.NotFound);
        await (await outsider.PutJson($"/api/activities/{draft.Id}", Plans.Complete())).ExpectProblem(HttpStatusCode.NotFound);
        await (await outsider.PostJson($"/api/activities/{draft.Id}/submit", null)).ExpectProblem(HttpStatusCode.NotFound);
        Assert.Equal(ActivityStatus.Draft, (await Get(draft.Id)).Status);
    }

    [Fact]
    public async Task A_reviewer_who_may_see_a_plan_still_may_not_edit_or_submit_it()
    {
        var draft = await CreateDraft();
        var head = await Head;
        await (await head.GetAsync($"/api/activities/{draft.Id}", Ct)).ShouldBe(HttpStatusCode.OK);
        await (await head.PutJson($"/api/activities/{draft.Id}", Plans.Complete())).ExpectProblem(HttpStatusCode.Forbidden);
        await (await head.PostJson($"/api/activities/{draft.Id}/submit", null)).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Members_and_anonymous_callers_do_not_see_an_activity_before_it_is_approved()
    {
        var draft = await CreateDraft();
        var inReview = await InLeaderReview();
        foreach (var id in new[] { draft.Id, inReview.Id })
        {
            await (await (await Member).GetAsync($"/api/activities/{id}", Ct)).ExpectProblem(HttpStatusCode.NotFound);
            await (await App.Anonymous().GetAsync($"/api/activities/{id}", Ct)).ExpectProblem(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task The_leader_sees_a_plan_only_once_it_has_reached_them()
    {
        var inHeadReview = await InHeadReview();
        await (await (await Leader).GetAsync($"/api/activities/{inHeadReview.Id}", Ct)).ExpectProblem(HttpStatusCode.NotFound);
        await Review(inHeadReview.Id, "head", "pass");
        await (await (await Leader).GetAsync($"/api/activities/{inHeadReview.Id}", Ct)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Members_see_an_approved_activity_without_its_internal_parts()
    {
        var approved = await Approved();

        var seen = await Get(approved.Id, "member7");

        Assert.Equal(ActivityStatus.Approved, seen.Status);
        Assert.Equal(approved.Title, seen.Title);
        Assert.Null(seen.Budget);
        Assert.Null(seen.Risks);
        Assert.Null(seen.Resources);
        Assert.Null(seen.Team);
        await (await App.Anonymous().GetAsync($"/api/activities/{approved.Id}", Ct)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_activity_is_404_problem_details()
    {
        await (await (await Planner).GetAsync($"/api/activities/{Guid.NewGuid()}", Ct)).ExpectProblem(HttpStatusCode.NotFound);
        await (await (await Planner).PostJson($"/api/activities/{Guid.NewGuid()}/submit", null)).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Submitting_an_empty_plan_names_every_missing_part()
    {
        var draft = await (await (await Planner).PostJson("/api/activities", new { })).Expect<ActivityDto>(HttpStatusCode.Created);

        var problem = await (await (await Planner).PostJson($"/api/activities/{draft.Id}/submit", null)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal("plan-incomplete", problem.Code);
        string[] every =
        [
            "title", "theme", "summary", "format", "content", "participation.method",
            "schedule.registrationOpensAt", "schedule.registrationClosesAt", "schedule.startsAt", "schedule.endsAt",
            "rewards", "resources.people", "resources.materials", "risks", "budget",
        ];
        Assert.Equal(every.Order(), problem.Fields.Order());
        Assert.Equal(ActivityStatus.Draft, (await Get(draft.Id)).Status);
    }

    [Fact]
    public async Task Submitting_names_the_parts_a_chosen_participation_method_needs()
    {
        var plan = Plans.Complete() with
        {
            Participation = new ParticipationPlan { Method = ParticipationMethod.Registration },
            Risks = [new Risk("服务器宕机", RiskLevel.Low, RiskLevel.High, "")],
            Eligibility = new EligibilityRule { RequiredTasks = ["complete-profile", "no-such-task"] },
        };
        var draft = await CreateDraft(plan);

        var problem = await (await (await Planner).PostJson($"/api/activities/{draft.Id}/submit", null)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(["eligibility.requiredTasks[1]", "participation.capacity", "risks[0].mitigation"], problem.Fields.Order());
    }

    [Fact]
    public async Task Submitting_a_complete_plan_freezes_version_1_with_its_content_hash()
    {
        var draft = await CreateDraft();

        var submitted = await Submit(draft.Id);

        Assert.Equal(ActivityStatus.HeadReview, submitted.Status);
        Assert.Equal(1, submitted.Version);
        Assert.Matches("^[0-9a-f]{64}$", submitted.VersionHash);
        Assert.Null(submitted.ApprovedVersion);
    }

    [Fact]
    public async Task Submitting_twice_is_a_conflict()
    {
        var submitted = await InHeadReview();
        var problem = await (await (await Planner).PostJson($"/api/activities/{submitted.Id}/submit", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("wrong-state", problem.Code);
    }

    [Fact]
    public async Task The_list_pages_with_items_and_total()
    {
        for (var i = 0; i < 3; i++) await CreateDraft();
        var client = await Planner;

        var first = await (await client.GetAsync("/api/activities?page=1&pageSize=2", Ct)).Expect<Page<ActivitySummary>>(HttpStatusCode.OK);
        var second = await (await client.GetAsync("/api/activities?page=2&pageSize=2", Ct)).Expect<Page<ActivitySummary>>(HttpStatusCode.OK);

        Assert.True(first.Total >= 3);
        Assert.Equal(first.Total, second.Total);
        Assert.Equal(2, first.Items.Count);
        Assert.Equal(Math.Min(2, first.Total - 2), second.Items.Count);
        Assert.Empty(first.Items.Select(a => a.Id).Intersect(second.Items.Select(a => a.Id)));
    }

    [Fact]
    public async Task The_list_filters_by_status()
    {
        await InHeadReview();
        var page = await (await (await Head).GetAsync("/api/activities?status=HeadReview&pageSize=200", Ct))
            .Expect<Page<ActivitySummary>>(HttpStatusCode.OK);
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, a => Assert.Equal(ActivityStatus.HeadReview, a.Status));

        var lower = await (await (await Head).GetAsync("/api/activities?status=headreview&pageSize=200", Ct))
            .Expect<Page<ActivitySummary>>(HttpStatusCode.OK);
        Assert.Equal(page.Total, lower.Total);
    }

    [Theory]
    [InlineData("Banana")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("99")]
    [InlineData("Draft,Approved")]
    public async Task An_unknown_status_filter_is_400_naming_status(string status)
    {
        var problem = await (await (await Planner).GetAsync($"/api/activities?status={status}", Ct)).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("status", problem.Fields);
    }

    [Theory]
    [InlineData("page=0&pageSize=0")]
    [InlineData("page=-5&pageSize=100000")]
    [InlineData("page=999999")]
    public async Task Odd_paging_values_are_clamped_not_errors(string query)
    {
        var page = await (await (await Planner).GetAsync($"/api/activities?{query}", Ct)).Expect<Page<ActivitySummary>>(HttpStatusCode.OK);
        Assert.True(page.Items.Count <= 200);
    }

    [Fact]
    public async Task Members_and_anonymous_callers_list_only_published_activities()
    {
        await CreateDraft();
        await Approved();
        foreach (var client in new[] { await Member, App.Anonymous() })
        {
            var page = await (await client.GetAsync("/api/activities?pageSize=200", Ct)).Expect<Page<ActivitySummary>>(HttpStatusCode.OK);
            Assert.NotEmpty(page.Items);
            Assert.All(page.Items, a => Assert.NotNull(a.ApprovedVersion));
        }
    }

    [Fact]
    public async Task A_planner_lists_the_plans_of_their_teams_but_not_others_drafts()
    {
        var mine = await CreateDraft(author: "planner2");
        var theirs = await CreateDraft();

        var page = await (await (await Planner2).GetAsync("/api/activities?status=Draft&pageSize=200", Ct)).Expect<Page<ActivitySummary>>(HttpStatusCode.OK);

        Assert.Contains(page.Items, a => a.Id == mine.Id);
        Assert.DoesNotContain(page.Items, a => a.Id == theirs.Id);
    }
}

public sealed class PlanningApiTests_Sqlite(SqliteApp app) : PlanningApiTests(app), IClassFixture<SqliteApp>;
public sealed class PlanningApiTests_Postgres(PostgresApp app) : PlanningApiTests(app), IClassFixture<PostgresApp>;
