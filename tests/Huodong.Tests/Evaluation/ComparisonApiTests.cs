using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Evaluation;
using Huodong.Web.Evaluation.Comparison;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Evaluation;

/// <summary>
/// V2.4 through <c>GET /api/activities/{id}/comparison</c> on a real database: which earlier activities are peers,
/// how the figures are marked better or worse, the snapshot of closed peers, and who may read it. Activities are
/// placed in 2023 (and 2022 for the second story), long before anything the demo seeds.
/// </summary>
public abstract class ComparisonApiTests(TestApp app) : ApiTests(app)
{
    private async Task<ComparisonView> Compare(Guid id, string by = "planner") =>
        await (await (await App.As(by)).GetAsync($"/api/activities/{id}/comparison", Ct)).Expect<ComparisonView>(HttpStatusCode.OK);

    private static DateTimeOffset In2023(int month, int day = 1) => new(2023, month, day, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Peers_are_earlier_activities_of_the_same_format_that_ran_and_nothing_else()
    {
        var closed = await PastActivities.AddAsync(App, ActivityFormat.Challenge, In2023(2), ActivityStatus.Closed, participants: 2, cost: 300m);
        var ended = await PastActivities.AddAsync(App, ActivityFormat.Challenge, In2023(3), ActivityStatus.Ended, participants: 1, cost: 100m);
        var published = await PastActivities.AddAsync(App, ActivityFormat.Challenge, In2023(4), ActivityStatus.ResultsPublished);
        var otherFormat = await PastActivities.AddAsync(App, ActivityFormat.Quiz, In2023(4, 10), ActivityStatus.Closed, participants: 3);
        var cancelled = await PastActivities.AddAsync(App, ActivityFormat.Challenge, In2023(3, 10), ActivityStatus.Cancelled);
        var rejected = await PastActivities.AddAsync(App, ActivityFormat.Challenge, In2023(3, 20), ActivityStatus.Rejected);
        var neverRan = await PastActivities.AddAsync(App, ActivityFormat.Challenge, In2023(1), ActivityStatus.Approved);
        var subject = await PastActivities.AddAsync(App, ActivityFormat.Challenge, In2023(6), ActivityStatus.Closed, participants: 4, cost: 200m);
        var later = await PastActivities.AddAsync(App, ActivityFormat.Challenge, In2023(8), ActivityStatus.Closed, participants: 5, cost: 1000m);

        var c = await Compare(subject);

        Assert.Equal(subject, c.ActivityId);
        Assert.Equal(ActivityFormat.Challenge, c.Format);
        Assert.Equal([closed, ended, published], c.Peers.Select(p => p.Id)); // oldest first
        Assert.DoesNotContain(c.Peers, p => p.Id == otherFormat || p.Id == cancelled || p.Id == rejected || p.Id == neverRan
            || p.Id == later || p.Id == subject);
        Assert.Equal([closed, ended, published, subject], c.Trend.Select(t => t.Id));
        Assert.True(c.Trend[^1].Current);
        Assert.Equal(4, c.Trend[^1].Values[MetricKeys.Participants]);

        // Participants 4 against 2, 1, 0: better. Cost per participant ¥50 against ¥150 and ¥100 (the peer without
        // participants has none): lower, and lower is better. Interactions 0 against 0: neither. CSAT: no surveys.
        var participants = c.Rows.Single(r => r.Metric == MetricKeys.Participants);
        Assert.Equal((4.0, 1.0, 1.0, 3.0, true), (participants.Value, participants.PeerAverage, participants.PeerMedian, participants.Delta, participants.Better));
        var cost = c.Rows.Single(r => r.Metric == MetricKeys.CostPerParticipant);
        Assert.Equal((50.0, 125.0, -75.0, true, 2), (cost.Value, cost.PeerAverage, cost.Delta, cost.Better, cost.PeerCount));
        Assert.False(cost.HigherIsBetter);
        Assert.Null(c.Rows.Single(r => r.Metric == MetricKeys.Interactions).Better);
        var csat = c.Rows.Single(r => r.Metric == MetricKeys.Csat);
        Assert.Equal((null, null, (bool?)null), (csat.Value, csat.PeerAverage, csat.Better));
        Assert.Equal(MetricKeys.All, c.Rows.Select(r => r.Metric));

        // The later activity, compared in turn, has the four earlier ones as peers: its 5 participants are better,
        // its ¥200 per participant (against ¥150, ¥100 and ¥50) worse.
        var next = await Compare(later);
        Assert.Equal([closed, ended, published, subject], next.Peers.Select(p => p.Id));
        Assert.True(next.Rows.Single(r => r.Metric == MetricKeys.Participants).Better);
        var nextCost = next.Rows.Single(r => r.Metric == MetricKeys.CostPerParticipant);
        Assert.Equal((200.0, 100.0, false), (nextCost.Value, nextCost.PeerAverage, nextCost.Better));
    }

    [Fact]
    public async Task A_closed_peer_is_read_from_its_snapshot_and_an_ended_one_is_computed_afresh()
    {
        var start = new DateTimeOffset(2022, 3, 1, 2, 0, 0, TimeSpan.Zero);
        var closed = await PastActivities.AddAsync(App, ActivityFormat.Livestream, start, ActivityStatus.Closed, participants: 2);
        var ended = await PastActivities.AddAsync(App, ActivityFormat.Livestream, start.AddMonths(1), ActivityStatus.Ended, participants: 1);
        var subject = await PastActivities.AddAsync(App, ActivityFormat.Livestream, start.AddMonths(3), ActivityStatus.Ended);

        Assert.Equal([2, 1], (await Compare(subject)).Peers.Select(p => p.Metrics!.Participants));
        Assert.True(await App.WithDb(db => db.Set<MetricSnapshot>().AnyAsync(s => s.ActivityId == closed, Ct)));
        Assert.False(await App.WithDb(db => db.Set<MetricSnapshot>().AnyAsync(s => s.ActivityId == ended, Ct)));

        // A confirmed registration appears on both afterwards: the closed one keeps its figures, the ended one follows.
        var member = await App.UserIdAsync("member199");
        await App.WithDb(async db =>
        {
            foreach (var id in new[] { closed, ended })
                db.Registrations.Add(new Registration(id, member, 99, RegistrationStatus.Confirmed,
                    new ProtectedContact("x", "x", $"idx-{Guid.NewGuid():N}", null, null), null, start));
            await db.SaveChangesAsync(Ct);
        });
        Assert.Equal([2, 2], (await Compare(subject)).Peers.Select(p => p.Metrics!.Participants));
    }

    [Fact]
    public async Task The_team_reviewers_finance_and_admins_read_the_comparison_others_are_refused()
    {
        var subject = await PastActivities.AddAsync(App, ActivityFormat.Other, new DateTimeOffset(2021, 5, 1, 2, 0, 0, TimeSpan.Zero), ActivityStatus.Closed);
        foreach (var who in new[] { "planner", "head", "leader", "admin", "finance" })
            Assert.Equal(subject, (await Compare(subject, who)).ActivityId);

        await (await (await Planner2).GetAsync($"/api/activities/{subject}/comparison", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await Member).GetAsync($"/api/activities/{subject}/comparison", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await App.Anonymous().GetAsync($"/api/activities/{subject}/comparison", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await (await Planner).GetAsync($"/api/activities/{Guid.NewGuid()}/comparison", Ct)).ShouldBe(HttpStatusCode.NotFound);

        // A member does not even learn that an unpublished plan exists.
        var draft = (await CreateDraft()).Id;
        await (await (await Member).GetAsync($"/api/activities/{draft}/comparison", Ct)).ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ComparisonApiTests_Sqlite(SqliteApp app) : ComparisonApiTests(app), IClassFixture<SqliteApp>;
public sealed class ComparisonApiTests_Postgres(PostgresApp app) : ComparisonApiTests(app), IClassFixture<PostgresApp>;
