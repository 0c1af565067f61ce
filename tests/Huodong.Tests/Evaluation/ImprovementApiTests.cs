using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Evaluation;
using Huodong.Web.Evaluation.Improvement;
using Huodong.Web.Planning;
using Display = Huodong.Web.Shared.Display;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Evaluation;

/// <summary>V3.1–V3.3 through the API on a real database: actions from a summary, who changes them, V3.2 suggestions, V3.3 effect.</summary>
public abstract class ImprovementApiTests(TestApp app) : ParticipationTests(app)
{
    private static readonly string Today = DateOnly.FromDateTime(Display.InChina(DateTimeOffset.UtcNow).DateTime).ToString("yyyy-MM-dd");

    private async Task<Guid> Ended(Plan? plan = null, params string[] registrants)
    {
        var id = await LiveActivity(plan ?? ParticipationPlans.OpenNow(), registrants);
        await App.EndAsync(id);
        return id;
    }

    private static object Action(string title = "开始前一天推送提醒", string owner = "planner2@demo.huodong", string? dueOn = null,
        string? metric = MetricKeys.ParticipationRate, string? format = null) =>
        new { title, description = "通过站内信和邮件提醒已报名会员。", owner, dueOn = dueOn ?? "2030-01-31", metric, format };

    private async Task<ImprovementView> Added(Guid activityId, object? body = null) =>
        await (await (await Planner).PostJson($"/api/activities/{activityId}/improvements", body ?? Action())).Expect<ImprovementView>(HttpStatusCode.Created);

    private async Task<HttpResponseMessage> Change(Guid id, object body, string by) =>
        await (await App.As(by)).PutJson($"/api/improvements/{id}", body);

    [Fact]
    public async Task Actions_come_from_the_summary_and_are_changed_by_their_owner_the_team_or_the_head_each_change_audited()
    {
        var id = await Ended();
        Assert.Equal("summary-missing", (await (await (await Planner).PostJson($"/api/activities/{id}/improvements", Action()))
            .ExpectProblem(HttpStatusCode.Conflict)).Code);
        await App.WriteSummaryAsync(id);

        var invalid = await (await (await Planner).PostJson($"/api/activities/{id}/improvements",
            new { title = "", owner = "member7@demo.huodong", metric = "happiness" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["description", "dueOn", "metric", "owner", "title"], invalid.Fields.Order());
        await (await (await Planner2).PostJson($"/api/activities/{id}/improvements", Action())).ExpectProblem(HttpStatusCode.Forbidden);

        var added = await Added(id, Action(dueOn: "2020-01-01"));
        Assert.Equal((ImprovementStatus.Open, ActivityFormat.Contest, true), (added.Status, added.Format, added.Overdue));
        Assert.Equal("planner2@demo.huodong", added.Owner.Email);
        var list = await (await (await Head).GetAsync($"/api/activities/{id}/improvements", Ct)).Expect<Page<ImprovementView>>(HttpStatusCode.OK);
        Assert.Equal([added.Id], list.Items.Select(i => i.Id));

        var owner = await (await Change(added.Id, new { status = "InProgress" }, "planner2")).Expect<ImprovementView>(HttpStatusCode.OK);
        Assert.Equal(ImprovementStatus.InProgress, owner.Status);
        var head = await (await Change(added.Id, new { dueOn = "2030-06-30", owner = "planner@demo.huodong" }, "head")).Expect<ImprovementView>(HttpStatusCode.OK);
        Assert.Equal((new DateOnly(2030, 6, 30), false, "planner@demo.huodong"), (head.DueOn, head.Overdue, head.Owner.Email));
        await (await Change(added.Id, new { status = "Done" }, "planner2")).ExpectProblem(HttpStatusCode.Forbidden); // no longer the owner
        await (await Change(added.Id, new { status = "Done" }, "leader")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await Change(added.Id, new { status = "Done" }, "member7")).ExpectProblem(HttpStatusCode.NotFound);
        await (await Change(added.Id, new { owner = "nobody@demo.huodong" }, "planner")).ExpectProblem(HttpStatusCode.BadRequest);
        await (await Change(added.Id, new { status = "Done" }, "planner")).ShouldBe(HttpStatusCode.OK);

        var done = await (await (await App.As("finance")).GetAsync($"/api/improvements?status=Done&format=Contest&pageSize=200", Ct))
            .Expect<Page<ImprovementView>>(HttpStatusCode.OK);
        Assert.Contains(done.Items, i => i.Id == added.Id);
        var open = await (await (await App.As("finance")).GetAsync("/api/improvements?status=Open&pageSize=200", Ct)).Expect<Page<ImprovementView>>(HttpStatusCode.OK);
        Assert.DoesNotContain(open.Items, i => i.Id == added.Id);
        await (await (await Member).GetAsync("/api/improvements", Ct)).ExpectProblem(HttpStatusCode.Forbidden);
        await (await (await Member).GetAsync($"/api/activities/{id}/improvements", Ct)).ExpectProblem(HttpStatusCode.Forbidden);

        var codes = await App.WithDb(db => db.AuditEntries.AsNoTracking().Where(a => a.SubjectType == "improvement" && a.SubjectId == added.Id.ToString())
            .OrderBy(a => a.Sequence).Select(a => a.Code).ToListAsync(Ct));
        Assert.Equal(["improvement.created", "improvement.updated", "improvement.updated", "improvement.updated"], codes);
    }

    [Fact]
    public async Task Overdue_open_actions_are_marked_and_filtered()
    {
        var id = await Ended();
        await App.WriteSummaryAsync(id);
        var late = await Added(id, Action(title: "逾期的措施", dueOn: "2021-03-01"));
        var dueToday = await Added(id, Action(title: "今天到期", dueOn: Today));
        var lateButDone = await Added(id, Action(title: "逾期但已完成", dueOn: "2021-03-01"));
        await (await Change(lateButDone.Id, new { status = "Done" }, "planner")).ShouldBe(HttpStatusCode.OK);

        var overdue = await (await (await Head).GetAsync("/api/improvements?overdue=true&pageSize=200", Ct)).Expect<Page<ImprovementView>>(HttpStatusCode.OK);
        Assert.Contains(overdue.Items, i => i.Id == late.Id && i.Overdue);
        Assert.DoesNotContain(overdue.Items, i => i.Id == dueToday.Id || i.Id == lateButDone.Id);
    }

    [Fact]
    public async Task Open_actions_of_the_same_format_are_suggested_for_a_new_draft_and_not_for_other_formats()
    {
        var source = await Ended();
        await App.WriteSummaryAsync(source);
        var action = await Added(source, Action(title: $"评审标准提前公布 {Guid.NewGuid():N}"));

        var contest = (await CreateDraft()).Id;
        var quiz = (await CreateDraft(Plans.Complete() with { Format = ActivityFormat.Quiz })).Id;
        var forContest = await (await (await Planner).GetAsync($"/api/activities/{contest}/improvements/suggested", Ct)).Expect<Page<ImprovementView>>(HttpStatusCode.OK);
        Assert.Contains(forContest.Items, i => i.Id == action.Id && i.AppliedTo is null);
        var forQuiz = await (await (await Planner).GetAsync($"/api/activities/{quiz}/improvements/suggested", Ct)).Expect<Page<ImprovementView>>(HttpStatusCode.OK);
        Assert.DoesNotContain(forQuiz.Items, i => i.Id == action.Id);
        Assert.Contains(action.Title, await (await Planner).GetStringAsync($"/console/plans/{contest}/edit", Ct));
        Assert.DoesNotContain(action.Title, await (await Planner).GetStringAsync($"/console/plans/{quiz}/edit", Ct));
        await (await (await Member).GetAsync($"/api/activities/{contest}/improvements/suggested", Ct)).ExpectProblem(HttpStatusCode.NotFound);

        // The planner marks it applied in the contest draft: it stays listed there as applied, and no other plan is offered it.
        Assert.Equal("other-format", (await (await (await Planner).PostJson($"/api/improvements/{action.Id}/apply", new { activityId = quiz }))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
        await (await (await Head).PostJson($"/api/improvements/{action.Id}/apply", new { activityId = contest })).ExpectProblem(HttpStatusCode.Forbidden);
        await (await (await Planner2).PostJson($"/api/improvements/{action.Id}/apply", new { activityId = contest })).ExpectProblem(HttpStatusCode.BadRequest);
        var applied = await (await (await Planner).PostJson($"/api/improvements/{action.Id}/apply", new { activityId = contest })).Expect<ImprovementView>(HttpStatusCode.OK);
        Assert.Equal(contest, applied.AppliedTo?.Id);
        forContest = await (await (await Planner).GetAsync($"/api/activities/{contest}/improvements/suggested", Ct)).Expect<Page<ImprovementView>>(HttpStatusCode.OK);
        Assert.Contains(forContest.Items, i => i.Id == action.Id && i.AppliedTo?.Id == contest);
        var another = (await CreateDraft()).Id;
        var forAnother = await (await (await Planner).GetAsync($"/api/activities/{another}/improvements/suggested", Ct)).Expect<Page<ImprovementView>>(HttpStatusCode.OK);
        Assert.DoesNotContain(forAnother.Items, i => i.Id == action.Id);
        Assert.Equal("applied-elsewhere", (await (await (await Planner).PostJson($"/api/improvements/{action.Id}/apply", new { activityId = another }))
            .ExpectProblem(HttpStatusCode.Conflict)).Code);

        // The head reviewing the submitted contest sees it in the checklist.
        await Submit(contest);
        Assert.Contains(action.Title, await (await Head).GetStringAsync($"/console/reviews/{contest}", Ct));
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(a => a.Code == "improvement.applied" && a.SubjectId == action.Id.ToString(), Ct)));
    }

    [Fact]
    public async Task A_verdict_is_recorded_by_staff_and_the_effect_compares_the_aimed_metric_before_and_after()
    {
        var source = await Ended(null, "member11", "member12");
        await App.WriteSummaryAsync(source);
        var action = await Added(source, Action(metric: MetricKeys.Participants));
        var later = await OpenActivity();
        await (await (await Planner).PostJson($"/api/improvements/{action.Id}/apply", new { activityId = later })).ShouldBe(HttpStatusCode.OK);

        var early = await (await (await Head).GetAsync($"/api/improvements/{action.Id}", Ct)).Expect<ImprovementView>(HttpStatusCode.OK);
        Assert.Null(early.Effect); // the later activity has not ended yet
        foreach (var m in new[] { "member13", "member14", "member15", "member16" })
            await (await Register(m, later)).ShouldBe(HttpStatusCode.Created);
        await App.LaunchAsync(later);
        await App.EndAsync(later);

        var read = await (await (await Head).GetAsync($"/api/improvements/{action.Id}", Ct)).Expect<ImprovementView>(HttpStatusCode.OK);
        Assert.NotNull(read.Effect);
        Assert.Equal(MetricKeys.Participants, read.Effect.Metric);
        Assert.True(read.Effect.After > read.Effect.Before, $"before {read.Effect.Before}, after {read.Effect.After}");
        Assert.Equal("improved", read.Effect.Change);

        await (await (await Member).PostJson($"/api/improvements/{action.Id}/verdict", new { verdict = "Worked" })).ExpectProblem(HttpStatusCode.NotFound);
        await (await (await App.As("moderator")).PostJson($"/api/improvements/{action.Id}/verdict", new { note = "?" })).ExpectProblem(HttpStatusCode.BadRequest);
        var judged = await (await (await App.As("moderator")).PostJson($"/api/improvements/{action.Id}/verdict",
            new { verdict = "Worked", note = "报名人数翻倍。" })).Expect<ImprovementView>(HttpStatusCode.OK);
        Assert.Equal((ImprovementVerdict.Worked, "报名人数翻倍。"), (judged.Verdict, judged.VerdictNote));
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(a => a.Code == "improvement.verdict" && a.SubjectId == action.Id.ToString(), Ct)));
    }

    [Theory]
    [InlineData(MetricKeys.Participants, 10, 12, "improved")]
    [InlineData(MetricKeys.Participants, 12, 10, "worse")]
    [InlineData(MetricKeys.CostPerParticipant, 12, 10, "improved")]
    [InlineData(MetricKeys.CostPerParticipant, 10, 12, "worse")]
    [InlineData(MetricKeys.Csat, 0.8, 0.8, "unchanged")]
    public void The_change_reads_the_direction_of_the_metric(string key, double before, double after, string expected) =>
        Assert.Equal(expected, ImprovementQueries.Compare(key, before, after));
}

public sealed class ImprovementApiTests_Sqlite(SqliteApp app) : ImprovementApiTests(app), IClassFixture<SqliteApp>;
public sealed class ImprovementApiTests_Postgres(PostgresApp app) : ImprovementApiTests(app), IClassFixture<PostgresApp>;
