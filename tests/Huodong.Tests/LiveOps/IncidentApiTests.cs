using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.LiveOps;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.LiveOps;

/// <summary>E2.2 incidents through the API: open → assign → acknowledge → resolve, with a timeline, and who may act.</summary>
public abstract class IncidentApiTests(TestApp app) : ParticipationTests(app)
{
    private static object Fault(string title = "直播卡顿", string severity = "High") =>
        new { kind = "TechnicalFault", severity, title, description = "多名会员反映画面卡顿" };

    private async Task<IncidentView> Open(Guid activityId, string account = "moderator", object? body = null) =>
        await (await (await App.As(account)).PostJson($"/api/activities/{activityId}/incidents", body ?? Fault()))
            .Expect<IncidentView>(HttpStatusCode.Created);

    private async Task<HttpResponseMessage> Act(string account, Guid incidentId, string verb, object? body = null) =>
        await (await App.As(account)).PostJson($"/api/incidents/{incidentId}/{verb}", body);

    [Fact]
    public async Task An_incident_goes_from_open_to_acknowledged_to_resolved_with_its_timeline_and_time_to_resolve()
    {
        var activity = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        var opened = await Open(activity);
        Assert.Equal(IncidentStatus.Open, opened.Status);
        var moderator = await App.UserIdAsync("moderator");

        var assigned = await (await Act("planner", opened.Id, "assign", new { assigneeId = moderator })).Expect<IncidentView>(HttpStatusCode.OK);
        Assert.Equal(moderator, assigned.AssigneeId);
        var acknowledged = await (await Act("moderator", opened.Id, "acknowledge")).Expect<IncidentView>(HttpStatusCode.OK);
        Assert.Equal(IncidentStatus.Acknowledged, acknowledged.Status);
        await (await Act("head", opened.Id, "comment", new { text = "请尽快处理" })).ShouldBe(HttpStatusCode.OK);

        var missing = await (await Act("moderator", opened.Id, "resolve", new { resolution = " " })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.True(missing.Errors!.ContainsKey("resolution"));
        var resolved = await (await Act("moderator", opened.Id, "resolve", new { resolution = "切换备用推流线路" }))
            .Expect<IncidentView>(HttpStatusCode.OK);

        Assert.Equal(IncidentStatus.Resolved, resolved.Status);
        Assert.Equal("切换备用推流线路", resolved.Resolution);
        Assert.NotNull(resolved.MinutesToResolve);
        Assert.Equal((resolved.ResolvedAt!.Value - resolved.OpenedAt).TotalMinutes, resolved.MinutesToResolve!.Value, 6);
        Assert.Equal([IncidentAction.Opened, IncidentAction.Assigned, IncidentAction.Acknowledged, IncidentAction.Commented, IncidentAction.Resolved],
            resolved.Timeline.Select(t => t.Action));
        Assert.Equal("请尽快处理", resolved.Timeline[3].Text);
        Assert.All(resolved.Timeline, t => Assert.False(string.IsNullOrEmpty(t.Actor)));

        var codes = await App.WithDb(db => db.AuditEntries.Where(a => a.SubjectType == "incident" && a.SubjectId == opened.Id.ToString())
            .OrderBy(a => a.Sequence).Select(a => a.Code).ToListAsync(Ct));
        Assert.Equal(["incident.opened", "incident.assigned", "incident.acknowledged", "incident.commented", "incident.resolved"], codes);
    }

    [Fact]
    public async Task A_resolved_incident_cannot_be_acknowledged_or_resolved_again()
    {
        var activity = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        var opened = await Open(activity);
        await (await Act("moderator", opened.Id, "resolve", new { resolution = "误报" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("wrong-state", (await (await Act("moderator", opened.Id, "acknowledge")).ExpectProblem(HttpStatusCode.Conflict)).Code);
        await (await Act("moderator", opened.Id, "resolve", new { resolution = "again" })).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_list_shows_unresolved_incidents_first_and_the_most_severe_first()
    {
        var activity = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        var low = await Open(activity, body: Fault("小问题", "Low"));
        var critical = await Open(activity, "planner", Fault("支付失败", "Critical"));
        var done = await Open(activity, "head", Fault("已处理", "Critical"));
        await (await Act("head", done.Id, "resolve", new { resolution = "ok" })).ShouldBe(HttpStatusCode.OK);

        var list = await (await (await App.As("moderator")).GetAsync($"/api/activities/{activity}/incidents", Ct)).Expect<IncidentList>(HttpStatusCode.OK);

        Assert.Equal([critical.Id, low.Id, done.Id], list.Items.Select(i => i.Id));
        var one = await (await (await App.As("planner")).GetAsync($"/api/incidents/{critical.Id}", Ct)).Expect<IncidentView>(HttpStatusCode.OK);
        Assert.Equal(critical.Title, one.Title);
    }

    [Fact]
    public async Task Opening_needs_a_kind_a_severity_and_a_title_and_assignees_are_staff()
    {
        var activity = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        var client = await App.As("moderator");

        var bad = await (await client.PostJson($"/api/activities/{activity}/incidents", new { title = "" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("kind", bad.Fields);
        var member = await App.UserIdAsync("member7");
        var opened = await Open(activity);
        Assert.Contains("assigneeId", (await (await Act("moderator", opened.Id, "assign", new { assigneeId = member }))
            .ExpectProblem(HttpStatusCode.BadRequest)).Fields);
    }

    [Theory]
    [InlineData("planner2")]
    [InlineData("finance")]
    [InlineData("member7")]
    public async Task Only_the_team_moderators_and_the_community_head_handle_incidents(string account)
    {
        var activity = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        var opened = await Open(activity);
        var client = await App.As(account);

        await (await client.PostJson($"/api/activities/{activity}/incidents", Fault())).ShouldBe(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/activities/{activity}/incidents", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/incidents/{opened.Id}", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await Act(account, opened.Id, "acknowledge")).ShouldBe(HttpStatusCode.Forbidden);
        await (await App.Anonymous().GetAsync($"/api/incidents/{opened.Id}", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await Act("moderator", Guid.NewGuid(), "acknowledge")).ShouldBe(HttpStatusCode.NotFound);
    }

    private sealed record IncidentList(List<IncidentView> Items, int Total);
}

public sealed class IncidentApiTests_Sqlite(SqliteApp app) : IncidentApiTests(app), IClassFixture<SqliteApp>;
public sealed class IncidentApiTests_Postgres(PostgresApp app) : IncidentApiTests(app), IClassFixture<PostgresApp>;
