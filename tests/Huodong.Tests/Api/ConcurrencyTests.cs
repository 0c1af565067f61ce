using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>DESIGN.md principle 3: correct under concurrency; two reviewers acting at once cannot both win.</summary>
public abstract class ConcurrencyTests(TestApp app) : ApiTests(app)
{
    private const int Racers = 10;

    private static async Task<HttpResponseMessage[]> Race(Func<Task<HttpResponseMessage>> send)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, Racers).Select(_ => Task.Run(async () => { await start.Task; return await send(); })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    private async Task<List<HistoryItem>> History(Guid id) =>
        (await (await (await Planner).GetAsync($"/api/activities/{id}/history", Ct)).Expect<Page<HistoryItem>>(HttpStatusCode.OK)).Items;

    [Fact]
    public async Task Ten_racing_head_passes_move_the_plan_once()
    {
        var plan = await InHeadReview();
        var head = await Head;

        var answers = await Race(() => head.PostJson($"/api/activities/{plan.Id}/reviews", Verdicts.Body("pass")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        // A loser either lost the race to save (409 concurrent-change) or arrived once the plan had moved on to the
        // leader's stage, which is not the head's (409 wrong-stage, like any head reviewing at LeaderReview).
        foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            var problem = await loser.Read<Problem>();
            Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
            Assert.True(problem.Code is "concurrent-change" or "wrong-stage",
                $"{(int)loser.StatusCode} {problem.Code}");
        }
        Assert.Single(await History(plan.Id), h => h.To == ActivityStatus.LeaderReview);
        Assert.Equal(1, await App.WithDb(db => db.Reviews.CountAsync(r => r.ActivityId == plan.Id, Ct)));
        Assert.Equal(ActivityStatus.LeaderReview, (await Get(plan.Id)).Status);
    }

    [Fact]
    public async Task Ten_racing_returns_return_the_plan_once_and_the_rest_are_conflicts()
    {
        var plan = await InHeadReview();
        var head = await Head;

        var answers = await Race(() => head.PostJson($"/api/activities/{plan.Id}/reviews", Verdicts.Body("return", "risks")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Single(await History(plan.Id), h => h.To == ActivityStatus.Returned);
    }

    [Fact]
    public async Task A_head_and_a_leader_racing_on_an_amendment_and_a_cancel_leave_one_consistent_outcome()
    {
        var plan = Plans.Complete();
        var approved = await Approved(plan);
        await (await (await Planner).PostJson($"/api/activities/{approved.Id}/amendments", plan.WithCapacity(900))).ShouldBe(HttpStatusCode.OK);
        var head = await Head;
        var leader = await Leader;

        var answers = await Task.WhenAll(
            Task.Run(() => head.PostJson($"/api/activities/{approved.Id}/reviews", Verdicts.Body("pass"))),
            Task.Run(() => leader.PostJson($"/api/activities/{approved.Id}/cancel", new { reason = "撤销" })));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{a.StatusCode}"));
        var after = await Get(approved.Id);
        var history = await History(approved.Id);
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.OK), history.Count - 5);
        if (after.Status == ActivityStatus.Cancelled) Assert.Null(after.AmendmentStatus);
    }

    [Fact]
    public async Task Ten_racing_submits_freeze_one_version()
    {
        var draft = await CreateDraft();
        var planner = await Planner;

        var answers = await Race(() => planner.PostJson($"/api/activities/{draft.Id}/submit", null));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await App.WithDb(db => db.PlanVersions.CountAsync(v => v.ActivityId == draft.Id, Ct)));
    }

    [Fact]
    public async Task Changes_to_many_activities_at_once_keep_the_audit_chain_whole()
    {
        var drafts = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => CreateDraft()));
        var planner = await Planner;

        var answers = await Task.WhenAll(drafts.Select(d => Task.Run(() => planner.PostJson($"/api/activities/{d.Id}/submit", null))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var check = await (await (await Admin).GetAsync("/api/audit/verify", Ct)).Expect<VerifyAnswer>(HttpStatusCode.OK);
        Assert.True(check.Ok, $"broken at {check.BrokenAt}: {check.Reason}");
    }

    private sealed record VerifyAnswer(bool Ok, long Entries, long? BrokenAt, string? Reason);

    [Fact]
    public async Task Racing_repeats_of_one_idempotent_create_make_one_activity()
    {
        var plan = Plans.Complete();
        var key = Guid.NewGuid().ToString();
        var planner = await Planner;

        var answers = await Race(() => planner.PostJson("/api/activities", plan, key));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{a.StatusCode}"));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await App.WithDb(db => db.Activities.CountAsync(a => a.Title == plan.Title, Ct)));
    }
}

public sealed class ConcurrencyTests_Sqlite(SqliteApp app) : ConcurrencyTests(app), IClassFixture<SqliteApp>;
public sealed class ConcurrencyTests_Postgres(PostgresApp app) : ConcurrencyTests(app), IClassFixture<PostgresApp>;
