using System.Net;
using System.Text.Json.Nodes;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Security;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Rewards;

/// <summary>
/// Results and rewards through the API (E3.1, E3.2) on a real database: scoring and ranking, winners by rule,
/// publishing, masking, stock, delivery by kind (points ledger, coupon pool under concurrency, physical), confirmation
/// by the winner, and disqualified members.
/// </summary>
public abstract partial class AwardApiTests(TestApp app) : ParticipationTests(app)
{
    private static Plan WithRewards(Plan plan, params RewardSetting[] rewards) => plan with
    {
        Rewards = [.. rewards],
        Budget = [new BudgetLine(BudgetCategory.Rewards, rewards.Sum(r => r.Quantity * r.UnitValue), "奖品")],
    };

    private static Plan ReplyPlan(params RewardSetting[] rewards) => WithRewards(ParticipationPlans.Reply("打卡", 4), rewards);

    private static string[] Members(int from, int count) => Enumerable.Range(from, count).Select(i => $"member{i}").ToArray();

    private async Task<Guid> Submit(string member, Guid id, string content = "今天打卡完成了")
    {
        var created = await (await (await App.As(member)).PostJson($"/api/activities/{id}/submissions", new { content }))
            .Expect<JsonObject>(HttpStatusCode.Created);
        return Guid.Parse((string)created["id"]!);
    }

    private async Task<HttpResponseMessage> Score(string judge, Guid submission, int relevance, int quality, int creativity) =>
        await (await App.As(judge)).PostJson($"/api/submissions/{submission}/scores",
            new { criteria = new { relevance, quality, creativity } });

    private async Task<HttpResponseMessage> Publish(Guid id, string by = "planner") =>
        await (await App.As(by)).PostJson($"/api/activities/{id}/results/publish", null);

    private async Task<ResultsView> Published(Guid id) => await (await Publish(id)).Expect<ResultsView>(HttpStatusCode.OK);

    private async Task<AwardList> Awards(Guid id, HttpClient? client = null) =>
        await (await (client ?? await Planner).GetAsync($"/api/activities/{id}/awards", Ct)).Expect<AwardList>(HttpStatusCode.OK);

    private async Task<HttpResponseMessage> Deliver(Guid award, object? body = null, string by = "planner") =>
        await (await App.As(by)).PostJson($"/api/awards/{award}/deliver", body);

    private async Task<HttpResponseMessage> Confirm(Guid award, string by) =>
        await (await App.As(by)).PostJson($"/api/awards/{award}/confirm", null);

    /// <summary>A reply-mode activity where each of <paramref name="members"/> handed in one accepted reply, then ended.</summary>
    private async Task<(Guid Id, Dictionary<string, Guid> Submissions)> EndedWithReplies(Plan plan, params string[] members)
    {
        var id = await LiveActivity(plan, members);
        var submissions = new Dictionary<string, Guid>();
        foreach (var m in members) submissions[m] = await Submit(m, id);
        await App.EndAsync(id);
        return (id, submissions);
    }

    [Fact]
    public async Task Judges_average_their_scores_and_a_tie_goes_to_the_earlier_submission()
    {
        var (id, subs) = await EndedWithReplies(ReplyPlan(new RewardSetting("最佳打卡", RewardKind.Virtual, 2, 10m, RewardRule.Ranking)),
            Members(11, 3));
        await (await Score("planner", subs["member11"], 7, 7, 6)).ShouldBe(HttpStatusCode.OK);  // 20
        await (await Score("head", subs["member11"], 8, 8, 8)).ShouldBe(HttpStatusCode.OK);     // 24 → 22
        await (await Score("planner", subs["member12"], 9, 9, 8)).ShouldBe(HttpStatusCode.OK);  // 26
        await (await Score("head", subs["member12"], 6, 6, 6)).ShouldBe(HttpStatusCode.OK);     // 18 → 22, later
        await (await Score("planner", subs["member13"], 5, 5, 5)).ShouldBe(HttpStatusCode.OK);  // 15
        await (await Score("head", subs["member13"], 9, 9, 9)).ShouldBe(HttpStatusCode.OK);
        await (await Score("head", subs["member13"], 5, 5, 5)).ShouldBe(HttpStatusCode.OK);     // corrected: 15

        var ranking = await (await (await Planner).GetAsync($"/api/activities/{id}/ranking", Ct)).Expect<Page<RankedMember>>(HttpStatusCode.OK);
        var codes = (await RegistrationsOf(id)).ToDictionary(r => r.Code, r => r.MemberId);
        Assert.Equal([22m, 22m, 15m], ranking.Items.Select(r => r.Average));
        Assert.Equal(await App.UserIdAsync("member11"), ranking.Items[0].MemberId);
        Assert.Equal(await App.UserIdAsync("member12"), ranking.Items[1].MemberId);

        var results = await Published(id);
        Assert.Equal([(1, ranking.Items[0].Code), (2, ranking.Items[1].Code)], results.Winners.Select(w => (w.Rank, w.Code)));
        Assert.Equal(22m, results.Winners[0].Score);
        Assert.Contains("earlier submission", results.Rewards[0].How);
    }

    [Fact]
    public async Task Only_judges_score_and_never_their_own_or_a_team_members_submission()
    {
        var (id, subs) = await EndedWithReplies(ReplyPlan(new RewardSetting("最佳打卡", RewardKind.Virtual, 1, 10m, RewardRule.Ranking)),
            Members(21, 1));
        var planner = await App.UserIdAsync("planner");
        // Staff who took part in their own activity: a submission by a team member (the planner) is never scored.
        var own = await App.WithDb(async db =>
        {
            var s = new Submission(id, planner, "团队成员的打卡", null, SubmissionStatus.Accepted, DateTimeOffset.UtcNow);
            db.Submissions.Add(s);
            await db.SaveChangesAsync(Ct);
            return s.Id;
        });

        await (await Score("planner2", subs["member21"], 5, 5, 5)).ExpectProblem(HttpStatusCode.Forbidden);
        await (await Score("member22", subs["member21"], 5, 5, 5)).ExpectProblem(HttpStatusCode.Forbidden);
        Assert.Equal("own-team", (await (await Score("head", own, 9, 9, 9)).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
        Assert.Equal("own-team", (await (await Score("planner", own, 9, 9, 9)).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
        Assert.Contains("criteria.quality", (await (await Score("head", subs["member21"], 5, 11, 5)).ExpectProblem(HttpStatusCode.BadRequest)).Fields);
    }

    [Fact]
    public async Task AllCompleters_are_those_who_did_every_task_in_the_order_they_finished()
    {
        var plan = WithRewards(ParticipationPlans.Tasks(), new RewardSetting("完成奖", RewardKind.Virtual, 5, 1m, RewardRule.AllCompleters));
        var id = await LiveActivity(plan, Members(31, 3));
        var (a, b, c) = (await App.UserIdAsync("member31"), await App.UserIdAsync("member32"), await App.UserIdAsync("member33"));
        await App.CompleteTaskAsync(c, id, "share-poster");
        await App.CompleteTaskAsync(c, id, "say-hello");
        await App.CompleteTaskAsync(a, id, "share-poster");
        await App.CompleteTaskAsync(b, id, "say-hello");
        await App.CompleteTaskAsync(a, id, "say-hello");
        await App.EndAsync(id);

        var results = await Published(id);
        var codes = (await RegistrationsOf(id)).ToDictionary(r => r.MemberId, r => r.Code);
        Assert.Equal([codes[c], codes[a]], results.Winners.Select(w => w.Code));
        Assert.Equal(2, (await Awards(id)).Total);
    }

    [Fact]
    public async Task Published_results_are_public_masked_and_say_how_winners_were_chosen_with_the_draw()
    {
        const string prize = "纪念手环";
        var plan = WithRewards(ParticipationPlans.OpenNow(), new RewardSetting(prize, RewardKind.Physical, 2, 99m, RewardRule.Draw));
        var id = await OpenActivity(plan);
        await (await (await Planner).PostJson($"/api/activities/{id}/materials",
            new { name = prize, kind = "Prize", quantityNeeded = 2, quantityInHand = 1, status = "Ordered" })).ShouldBe(HttpStatusCode.Created);
        foreach (var m in Members(41, 3)) await (await Register(m, id, Contact("欧阳娜娜", "13912345678"))).ShouldBe(HttpStatusCode.Created);
        await App.LaunchAsync(id);
        await App.EndAsync(id);
        await (await Publish(id, "planner2")).ExpectProblem(HttpStatusCode.Forbidden);
        var draw = await (await (await Planner).PostJson($"/api/activities/{id}/draws", new { winnersCount = 2, publicEntropy = "", rewardName = prize }))
            .Expect<DrawView>(HttpStatusCode.Created);
        var revealed = await (await (await Planner).PostJson($"/api/draws/{draw.Id}/reveal", null)).Expect<DrawView>(HttpStatusCode.OK);
        await Published(id);

        var response = await App.Anonymous().GetAsync($"/api/activities/{id}/results", Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);
        var results = await response.Expect<ResultsView>(HttpStatusCode.OK);

        Assert.Equal(revealed.Winners, results.Winners.Select(w => w.Code));
        Assert.All(results.Winners, w => Assert.Equal("欧**娜", w.MaskedName));
        Assert.DoesNotContain("欧阳娜娜", json);
        Assert.DoesNotContain("memberId", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("139", json);
        Assert.All(results.Winners, w => Assert.Equal($"/draws/{draw.Id}", w.DrawUrl));
        Assert.Equal($"/draws/{draw.Id}", Assert.Single(results.Rewards[0].Draws).Url);
        Assert.Equal(RewardRule.Draw, results.Rewards[0].Rule);
        Assert.Equal(3, results.Statistics.Participants);
        // Stock: one bracelet in hand for two winners — one award, and the shortage is published.
        Assert.Equal(new StockShortage(prize, 2, 1), Assert.Single(results.Shortages));
        Assert.Equal([true, false], results.Winners.Select(w => w.AwardId is not null));
        Assert.Equal(1, (await Awards(id, App.Anonymous())).Total);
        var byCode = (await RegistrationsOf(id)).ToDictionary(r => r.Code, r => r.MemberId);
        var accounts = new Dictionary<Guid, string>();
        foreach (var m in Members(41, 3)) accounts[await App.UserIdAsync(m)] = m;
        // The awarded winner is told to follow the delivery; the one beyond the stock that the prize is out of stock.
        foreach (var (w, kind) in results.Winners.Zip([NotificationKind.AwardWon, NotificationKind.WonAwaitingStock]))
            Assert.Contains(await Notifications(accounts[byCode[w.Code]], id), n => n.Kind == kind);
        Assert.Equal(ActivityStatus.ResultsPublished, (await Get(id)).Status);
        await (await Publish(id)).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Results_are_published_only_after_the_end_and_are_not_found_before()
    {
        var id = await LiveActivity(ReplyPlan(new RewardSetting("参与积分", RewardKind.Points, 5, 10m, RewardRule.AllCompleters)), "member91");

        Assert.Equal("wrong-state", (await (await Publish(id)).ExpectProblem(HttpStatusCode.Conflict)).Code);
        Assert.Equal("not-published", (await (await App.Anonymous().GetAsync($"/api/activities/{id}/results", Ct)).ExpectProblem(HttpStatusCode.NotFound)).Code);
    }

    [Fact]
    public async Task The_pages_show_results_publicly_awards_to_the_team_and_each_winner_their_own()
    {
        var (id, subs) = await EndedWithReplies(ReplyPlan(new RewardSetting("最佳打卡", RewardKind.Points, 1, 30m, RewardRule.Ranking)),
            Members(95, 2));
        var console = await Html(await Planner, $"/console/activities/{id}/awards");
        Assert.Contains("为提交内容评分", console);
        Assert.Contains("公布结果", console);
        await (await Score("head", subs["member95"], 9, 9, 9)).ShouldBe(HttpStatusCode.OK);
        await Published(id);
        var award = Assert.Single((await Awards(id)).Items);

        var team = await Html(await Planner, $"/console/activities/{id}/awards");
        var results = await Html(App.Anonymous(), $"/activities/{id}/results");
        var activity = await Html(App.Anonymous(), $"/activities/{id}");
        var mine = await Html(await App.As("member95"), "/me/awards");
        var other = await Html(await App.As("member96"), "/me/awards");

        Assert.Contains($"deliver-{award.Id}", team);
        Assert.Contains(award.Code, results);
        Assert.Contains("发放记录", results);
        Assert.Contains($"/activities/{id}/results", activity);
        Assert.Contains(award.Id.ToString(), mine);
        Assert.DoesNotContain(award.Id.ToString(), other);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.As("member95")).GetAsync($"/console/activities/{id}/awards", Ct)).StatusCode);
    }

    private async Task<string> Html(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await client.SendAsync(request, Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private Task Disqualify(Guid activityId, string member) => App.WithDb(async db =>
    {
        var key = db.AccountKey($"{member}@{TestApp.Domain}");
        var memberId = await db.Users.Where(u => u.NormalizedEmail == key).Select(u => u.Id).SingleAsync(Ct);
        await db.Registrations.Where(r => r.ActivityId == activityId && r.MemberId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled), Ct);
    });
}

public sealed class AwardApiTests_Sqlite(SqliteApp app) : AwardApiTests(app), IClassFixture<SqliteApp>;
public sealed class AwardApiTests_Postgres(PostgresApp app) : AwardApiTests(app), IClassFixture<PostgresApp>;
