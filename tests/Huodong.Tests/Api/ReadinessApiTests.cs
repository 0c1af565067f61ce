using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Planning;
using Huodong.Web.Preparation;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>
/// E1.3 and the readiness gate through the API: the automated probes (the registration sandbox leaves no trace),
/// the manual checklist, the gate naming each missing condition, and the launch it blocks and then allows (E2.1).
/// </summary>
public abstract class ReadinessApiTests(TestApp app) : PreparationApiTests(app)
{
    private sealed record LaunchProblem(string Code, List<MissingAnswer> Missing);

    private async Task<HttpResponseMessage> Launch(Guid id, HttpClient? client = null) =>
        await (client ?? await Planner).PostJson($"/api/activities/{id}/launch", null);

    private Task<(int Registrations, int Submissions, int Events, int Confirmed, long NextNumber, int Users)> Footprint(Guid id) =>
        App.WithDb(async db =>
        {
            var seats = await db.ActivitySeats.AsNoTracking().SingleAsync(s => s.ActivityId == id, Ct);
            return (await db.Registrations.CountAsync(r => r.ActivityId == id, Ct), await db.Submissions.CountAsync(x => x.ActivityId == id, Ct),
                await db.ActivityEvents.CountAsync(e => e.ActivityId == id, Ct),
                seats.Confirmed, seats.NextNumber, await db.Users.CountAsync(Ct));
        });

    [Fact]
    public async Task The_registration_sandbox_works_end_to_end_and_leaves_no_trace()
    {
        var id = await OpenActivity();
        await Registered("member61", id);
        var before = await Footprint(id);

        var check = await RunCheck(id);

        var registration = Assert.Single(check.Probes, p => p.Name == "registration");
        Assert.True(registration.Passed, registration.Detail);
        Assert.True(Assert.Single(check.Probes, p => p.Name == "database").Passed);
        Assert.Equal(before, await Footprint(id));
    }

    [Fact]
    public async Task On_a_full_activity_the_sandbox_is_turned_away_like_a_member_and_still_leaves_no_trace()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: 1, waitlist: false));
        await Registered("member62", id);
        var before = await Footprint(id);

        var registration = Assert.Single((await RunCheck(id)).Probes, p => p.Name == "registration");

        Assert.True(registration.Passed, registration.Detail);
        Assert.Contains("Every place is taken", registration.Detail);
        Assert.Equal(before, await Footprint(id));
    }

    [Fact]
    public async Task A_check_records_who_ran_it_and_the_email_probe_says_when_no_channel_is_configured()
    {
        var id = await OpenActivity();

        var check = await RunCheck(id);

        Assert.Equal(await App.UserIdAsync("planner"), check.RanBy);
        Assert.InRange(check.RanAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var email = Assert.Single(check.Probes, p => p.Name == "email");
        Assert.False(email.Passed);
        Assert.Contains("not configured", email.Detail);
        Assert.False(check.Passed);
    }

    [Fact]
    public async Task Manual_items_are_ticked_with_who_and_when_and_every_check_is_kept()
    {
        var id = await OpenActivity();
        var first = await RunCheck(id);
        Assert.All(first.Items, i => Assert.False(i.Done));

        var ticked = await (await (await Planner).PutJson($"/api/activities/{id}/readiness-checks/{first.Id}/items/rules-proofread",
            new { done = true })).Expect<ReadinessCheckView>(HttpStatusCode.OK);

        var item = Assert.Single(ticked.Items, i => i.Key == "rules-proofread");
        Assert.True(item.Done);
        Assert.Equal(await App.UserIdAsync("planner"), item.DoneBy);
        Assert.NotNull(item.DoneAt);
        await (await (await Planner).PutJson($"/api/activities/{id}/readiness-checks/{first.Id}/items/nonsense", new { done = true }))
            .ShouldBe(HttpStatusCode.NotFound);
        await (await (await Planner2).PutJson($"/api/activities/{id}/readiness-checks/{first.Id}/items/prizes-counted", new { done = true }))
            .ShouldBe(HttpStatusCode.Forbidden);

        var second = await RunCheck(id);
        var history = await (await (await Planner).GetAsync($"/api/activities/{id}/readiness-checks", Ct)).Expect<Page<ReadinessCheckView>>(HttpStatusCode.OK);
        Assert.Equal([second.Id, first.Id], history.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task The_gate_names_every_missing_condition_and_launch_is_refused_with_them()
    {
        var id = await OpenActivity();
        var unstaffed = await (await AddDuty(id, Duty("问答值守", DutyKind.QnA, assignee: null))).Expect<DutyView>(HttpStatusCode.Created);
        await (await AddMaterial(id, Material("宣传海报", needed: 10, inHand: 4, status: MaterialStatus.Ordered, kind: MaterialKind.Promotional)))
            .ShouldBe(HttpStatusCode.Created);

        var gate = await Gate(id);
        Assert.False(gate.Ready);
        Assert.All(gate.Conditions, c => Assert.False(c.Met));

        var problem = await (await Launch(id)).Expect<LaunchProblem>(HttpStatusCode.Conflict);
        Assert.Equal("not-ready", problem.Code);
        Assert.Equal(["duty-unstaffed", "material-not-ready", "no-readiness-check", "promotion-not-sent"], problem.Missing.Select(m => m.Code));
        Assert.Contains("问答值守", problem.Missing[0].Message);
        Assert.Contains("宣传海报", problem.Missing[1].Message);
        Assert.Equal(ActivityStatus.Approved, (await Get(id)).Status);
        Assert.False(unstaffed.Staffed);
    }

    [Fact]
    public async Task The_gate_allows_the_launch_once_everything_is_ready()
    {
        var id = await OpenActivity();
        await using var promoted = WithPromotionSent();
        var planner = await ClientOf(promoted, "planner");
        await PrepareAllButPromotionAsync(id, planner);

        var stillMissing = await Gate(id, planner);
        Assert.Equal(["promotion-not-sent"], stillMissing.Missing.Select(m => m.Code));
        SentPromotions.Sent[id] = DateTimeOffset.UtcNow;
        Assert.True((await Gate(id, planner)).Ready);

        var launched = await (await Launch(id, planner)).Expect<ActivityDto>(HttpStatusCode.OK);
        Assert.Equal(ActivityStatus.Live, launched.Status);
        Assert.Equal("wrong-state", (await (await Launch(id, planner)).ExpectProblem(HttpStatusCode.Conflict)).Code);

        // The launch froze the evaluation's base (V1.1): every member was eligible (no level or task threshold).
        var (baseline, members) = await App.WithDb(async db => (
            await db.Set<Huodong.Web.Evaluation.Metrics.LaunchBaseline>().SingleAsync(b => b.ActivityId == id, Ct),
            await db.UserRoles.CountAsync(r => db.Roles.Any(x => x.Id == r.RoleId && x.Name == Huodong.Web.People.Roles.Member), Ct)));
        Assert.Equal(members, baseline.EligibleMembers);
        Assert.True(members >= 200);
    }

    [Fact]
    public async Task Launch_before_the_start_time_is_refused_as_not_yet_time()
    {
        var now = DateTimeOffset.UtcNow;
        var id = await OpenActivity(ParticipationPlans.OpenNow().WithRegistrationWindow(now.AddDays(-1), now.AddDays(1)));

        var problem = await (await Launch(id)).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("not-yet-time", problem.Code);
        Assert.Equal(ActivityStatus.Approved, (await Get(id)).Status);
    }

    [Fact]
    public async Task Only_the_team_launches_or_runs_checks_and_members_do_not_see_the_gate()
    {
        var id = await OpenActivity();

        Assert.Equal("not-on-team", (await (await Launch(id, await Planner2)).ExpectProblem(HttpStatusCode.Forbidden)).Code);
        await (await (await Planner2).PostJson($"/api/activities/{id}/readiness-checks", null)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await Member).GetAsync($"/api/activities/{id}/readiness", Ct)).ShouldBe(HttpStatusCode.NotFound);
        await (await Launch(id, await Member)).ShouldBe(HttpStatusCode.NotFound);
        Assert.False((await Gate(id, await App.As("moderator"))).Ready);
    }

    [Fact]
    public async Task A_readiness_check_needs_an_approved_plan()
    {
        var draft = await CreateDraft();

        var problem = await (await (await Planner).PostJson($"/api/activities/{draft.Id}/readiness-checks", null)).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("wrong-state", problem.Code);
    }
}

public sealed class ReadinessApiTests_Sqlite(SqliteApp app) : ReadinessApiTests(app), IClassFixture<SqliteApp>;
public sealed class ReadinessApiTests_Postgres(PostgresApp app) : ReadinessApiTests(app), IClassFixture<PostgresApp>;
