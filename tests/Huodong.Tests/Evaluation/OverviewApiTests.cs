using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Evaluation.Reports;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Evaluation;

/// <summary>V2.1 through <c>GET /api/overview</c>: counts by state and the month of an activity that ended, on a real database.</summary>
public abstract class OverviewApiTests(TestApp app) : ApiTests(app)
{
    private async Task<OverviewView> Overview(string by = "head") =>
        await (await (await App.As(by)).GetAsync("/api/overview", Ct)).Expect<OverviewView>(HttpStatusCode.OK);

    [Fact]
    public async Task Counts_by_state_match_the_activities_and_an_activity_that_ended_shows_in_its_month()
    {
        var before = await Overview();
        var inDb = await App.WithDb(db => db.Activities.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Ct));
        foreach (var s in Enum.GetValues<ActivityStatus>())
            Assert.Equal(inDb.SingleOrDefault(x => x.Key == s)?.Count ?? 0, before.ByStatus[s.ToString()]);

        // Ended last month (China time) with three participants and ¥90 spent on its first day; one more is cancelled.
        var now = Display.InChina(DateTimeOffset.UtcNow);
        var start = new DateTimeOffset(now.Year, now.Month, 1, 10, 0, 0, Display.ChinaOffset).AddMonths(-1).AddDays(5).ToUniversalTime();
        var month = CommunityOverview.MonthOf(start.AddDays(4));
        var ended = await PastActivities.AddAsync(App, ActivityFormat.Discussion, start, ActivityStatus.Ended, participants: 3, cost: 90m);
        await PastActivities.AddAsync(App, ActivityFormat.Discussion, start, ActivityStatus.Cancelled);

        var after = await Overview();
        Assert.Equal(before.ByStatus["Ended"] + 1, after.ByStatus["Ended"]);
        Assert.Equal(before.ByStatus["Cancelled"] + 1, after.ByStatus["Cancelled"]);
        Assert.Equal(before.ByStatus["Draft"], after.ByStatus["Draft"]);
        Assert.Equal(CommunityOverview.Months, after.Months.Count);
        Assert.Equal(CommunityOverview.MonthOf(DateTimeOffset.UtcNow), after.Months[^1].Month);
        var (was, now2) = (before.Months.Single(m => m.Month == month), after.Months.Single(m => m.Month == month));
        Assert.Equal((was.Activities + 1, was.Participants + 3, was.Spend + 90m), (now2.Activities, now2.Participants, now2.Spend));
        var listed = Assert.Single(after.Activities, a => a.Id == ended);
        Assert.Equal((month, 3, 90m), (listed.Month, listed.Participants, listed.ActualCost));
    }

    [Fact]
    public async Task The_head_the_leader_admins_and_planners_see_the_overview_others_are_refused()
    {
        foreach (var who in new[] { "head", "leader", "admin", "planner" })
            await (await (await App.As(who)).GetAsync("/api/overview", Ct)).ShouldBe(HttpStatusCode.OK);
        foreach (var who in new[] { "member7", "moderator", "finance" })
            await (await (await App.As(who)).GetAsync("/api/overview", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await App.Anonymous().GetAsync("/api/overview", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class OverviewApiTests_Sqlite(SqliteApp app) : OverviewApiTests(app), IClassFixture<SqliteApp>;
public sealed class OverviewApiTests_Postgres(PostgresApp app) : OverviewApiTests(app), IClassFixture<PostgresApp>;
