using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.LiveOps;
using Huodong.Web.Participation;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.LiveOps;

/// <summary>
/// The live monitor's data (<c>GET /api/activities/{id}/monitor</c>) on constructed events with known answers: the
/// per-minute counts of the one GROUP BY on each provider, and the alerts raised from them.
/// </summary>
public abstract class MonitorApiTests(TestApp app) : ParticipationTests(app)
{
    private async Task<MonitorView> Monitor(Guid id, string account = "planner") =>
        await (await (await App.As(account)).GetAsync($"/api/activities/{id}/monitor", Ct)).Expect<MonitorView>(HttpStatusCode.OK);

    private Task AddEvents(Guid activityId, ActivityEventKind kind, DateTimeOffset at, int count) =>
        App.WithDb(async db =>
        {
            for (var i = 0; i < count; i++) db.ActivityEvents.Add(new ActivityEvent(activityId, null, kind, at));
            await db.SaveChangesAsync(Ct);
        });

    /// <summary>The minute of the monitor's window an event at <paramref name="at"/> falls in, as the server buckets it.</summary>
    private static int MinuteOf(MonitorView m, DateTimeOffset at) => (int)Math.Floor((at - m.From).TotalMinutes);

    [Fact]
    public async Task Events_are_counted_per_minute_and_kind_over_the_last_hour()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        var now = DateTimeOffset.UtcNow;
        var tenAgo = now.AddMinutes(-10);
        var twoAgo = now.AddMinutes(-2);
        await AddEvents(id, ActivityEventKind.Registered, tenAgo, 3);
        await AddEvents(id, ActivityEventKind.Submitted, tenAgo, 2);
        await AddEvents(id, ActivityEventKind.Questioned, twoAgo, 4);
        await AddEvents(id, ActivityEventKind.Commented, now.AddMinutes(-75), 5); // before the window
        await AddEvents(id, ActivityEventKind.PageView, twoAgo, 7);               // not charted

        var m = await Monitor(id);

        Assert.Equal(60, m.Minutes.Count);
        Assert.Equal(60, m.Series.Registrations.Length);
        Assert.Equal(3, m.Series.Registrations[MinuteOf(m, tenAgo)]);
        Assert.Equal(2, m.Series.Submissions[MinuteOf(m, tenAgo)]);
        Assert.Equal(4, m.Series.Questions[MinuteOf(m, twoAgo)]);
        Assert.Equal([3, 2, 0, 4], new[] { m.Series.Registrations, m.Series.Submissions, m.Series.Comments, m.Series.Questions }.Select(s => s.Sum()));
        Assert.True(m.At >= m.From.AddMinutes(59) && m.At < m.From.AddMinutes(60), "the current minute is the window's last");
    }

    [Fact]
    public async Task A_server_error_on_an_activity_route_is_counted_on_the_monitor_and_five_raise_an_alert()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        // The same app and database with one part broken: the monitor's moderation queue throws, so reading the
        // monitor fails with a real 500 through the real pipeline.
        await using var broken = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IModerationQueue, FailingQueue>()));
        var client = broken.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = (await App.As("planner")).DefaultRequestHeaders.Authorization;

        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync($"/api/activities/{id}/monitor", Ct)).StatusCode);

        var m = await Monitor(id);
        Assert.Equal(1, m.Series.Errors.Sum());
        Assert.Equal(1, m.Series.Errors[^1] + m.Series.Errors[^2]);
        Assert.DoesNotContain(m.Alerts, a => a.Code == "error-rate");
        for (var i = 0; i < 4; i++) await client.GetAsync($"/api/activities/{id}/monitor", Ct);
        Assert.Contains((await Monitor(id)).Alerts, a => a.Code == "error-rate");
    }

    private sealed class FailingQueue : IModerationQueue
    {
        public Task<int> OpenCountAsync(Guid activityId, CancellationToken ct) => throw new InvalidOperationException("moderation store down");
    }

    [Fact]
    public async Task A_burst_in_the_last_five_minutes_raises_a_spike_alert()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        var now = DateTimeOffset.UtcNow;
        await AddEvents(id, ActivityEventKind.Commented, now.AddMinutes(-20), 2);
        Assert.DoesNotContain((await Monitor(id)).Alerts, a => a.Code == "spike");

        await AddEvents(id, ActivityEventKind.Commented, now.AddMinutes(-1), 12);

        var spike = Assert.Single((await Monitor(id)).Alerts, a => a.Code == "spike");
        Assert.Contains("12", spike.Text);
    }

    [Fact]
    public async Task Steady_traffic_is_not_a_spike()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        var now = DateTimeOffset.UtcNow;
        for (var minute = 8; minute <= 33; minute += 5) await AddEvents(id, ActivityEventKind.Commented, now.AddMinutes(-minute), 5);
        await AddEvents(id, ActivityEventKind.Commented, now.AddMinutes(-1), 12); // 12 is not more than 3 × 5

        Assert.DoesNotContain((await Monitor(id)).Alerts, a => a.Code == "spike");
    }

    [Fact]
    public async Task A_question_unanswered_for_over_15_minutes_raises_an_alert_and_shows_its_age()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        var member = await App.UserIdAsync("member70");
        await App.WithDb(async db =>
        {
            db.Comments.Add(new Comment(id, member, null, "回放在哪里看？", isQuestion: true, isOfficial: false, DateTimeOffset.UtcNow.AddMinutes(-20)));
            db.Comments.Add(new Comment(id, member, null, "几点开奖？", isQuestion: true, isOfficial: false, DateTimeOffset.UtcNow.AddMinutes(-3)));
            await db.SaveChangesAsync(Ct);
        });

        var m = await Monitor(id, "moderator");

        Assert.Equal(["回放在哪里看？", "几点开奖？"], m.Unanswered.Select(q => q.Body));
        Assert.InRange(m.Unanswered[0].AgeMinutes, 19, 21);
        var alert = Assert.Single(m.Alerts, a => a.Code == "question-waiting");
        Assert.Contains("1", alert.Text);
    }

    [Fact]
    public async Task An_open_critical_incident_raises_an_alert_until_it_is_resolved()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));
        var moderator = await App.As("moderator");
        var opened = await (await moderator.PostJson($"/api/activities/{id}/incidents",
            new { kind = "Violation", severity = "Critical", title = "有人发布违规链接" })).Expect<IncidentView>(HttpStatusCode.Created);
        await (await moderator.PostJson($"/api/activities/{id}/incidents",
            new { kind = "MemberInquiry", severity = "Low", title = "会员询问规则" })).ShouldBe(HttpStatusCode.Created);

        var m = await Monitor(id);
        Assert.Equal(2, m.OpenIncidents);
        Assert.Equal(1, m.OpenBySeverity["Critical"]);
        Assert.Equal(opened.Id, m.Incidents[0].Id);
        Assert.Single(m.Alerts, a => a.Code == "critical-incident");
        // No ModeratorOnWatch duty covers now (the staffing roster answers), so the monitor says so.
        Assert.Equal(WatchState.NobodyOnWatch, m.Watch);
        Assert.Single(m.Alerts, a => a.Code == "no-watch");

        await (await moderator.PostJson($"/api/incidents/{opened.Id}/resolve", new { resolution = "已删除并禁言" })).ShouldBe(HttpStatusCode.OK);
        m = await Monitor(id);
        Assert.Equal(1, m.OpenIncidents);
        Assert.DoesNotContain(m.Alerts, a => a.Code == "critical-incident");
    }

    [Fact]
    public async Task A_moderator_opens_the_live_monitoring_page()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));

        var page = await (await App.As("moderator")).GetStringAsync($"/console/activities/{id}/live", Ct);

        Assert.Contains("id=\"monitor-chart\"", page);
        Assert.Contains("/lib/echarts/echarts.min.js", page);
    }

    [Theory]
    [InlineData("planner2")]
    [InlineData("finance")]
    [InlineData("member7")]
    public async Task Only_the_team_and_moderators_read_the_monitor(string account)
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0));

        await (await (await App.As(account)).GetAsync($"/api/activities/{id}/monitor", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await App.As(account)).GetAsync($"/console/activities/{id}/live", Ct)).ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class MonitorApiTests_Sqlite(SqliteApp app) : MonitorApiTests(app), IClassFixture<SqliteApp>;
public sealed class MonitorApiTests_Postgres(PostgresApp app) : MonitorApiTests(app), IClassFixture<PostgresApp>;
