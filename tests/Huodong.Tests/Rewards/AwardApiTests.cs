using System.Net;
using System.Text.Json.Nodes;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
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
public abstract class AwardApiTests(TestApp app) : ParticipationTests(app)
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
    public async Task A_physical_prize_ships_to_the_winners_encrypted_address_with_a_tracking_number()
    {
        const string prize = "保温杯";
        var plan = WithRewards(ParticipationPlans.Reply("打卡", 4), new RewardSetting(prize, RewardKind.Physical, 1, 59m, RewardRule.AllCompleters));
        var id = await OpenActivity(plan);
        await (await (await Planner).PostJson($"/api/activities/{id}/materials",
            new { name = prize, kind = "Prize", quantityNeeded = 1, quantityInHand = 1, status = "Ready" })).ShouldBe(HttpStatusCode.Created);
        await (await Register("member51", id)).ShouldBe(HttpStatusCode.Created);
        await App.LaunchAsync(id);
        await Submit("member51", id);
        await App.EndAsync(id);
        await Published(id);
        var award = Assert.Single((await Awards(id)).Items);

        Assert.Equal("address-missing", (await (await Deliver(award.Id, new { trackingNumber = "SF1234567890" })).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
        await (await (await App.As("member52")).PutJson($"/api/awards/{award.Id}/address",
            new { recipient = "张三丰", phone = "13800001111", address = "上海市浦东新区世纪大道100号" })).ExpectProblem(HttpStatusCode.NotFound);
        var withAddress = await (await (await App.As("member51")).PutJson($"/api/awards/{award.Id}/address",
            new { recipient = "张三丰", phone = "13800001111", address = "上海市浦东新区世纪大道100号" })).Expect<AwardView>(HttpStatusCode.OK);
        Assert.Equal("张*丰 138****1111 上海市浦东新****", withAddress.Address);
        var stored = await App.WithDb(db => db.Set<Award>().AsNoTracking().SingleAsync(a => a.Id == award.Id, Ct));
        Assert.StartsWith("v1:", stored.ShippingAddress);
        Assert.DoesNotContain("13800001111", stored.ShippingAddress);

        Assert.Contains("trackingNumber", (await (await Deliver(award.Id, new { })).ExpectProblem(HttpStatusCode.BadRequest)).Fields);
        await (await Deliver(award.Id, "{\"trackingNumber\": 12")).ExpectProblem(HttpStatusCode.BadRequest);
        var delivered = await (await Deliver(award.Id, new { trackingNumber = "SF1234567890" })).Expect<AwardView>(HttpStatusCode.OK);
        Assert.Equal(AwardStatus.Delivered, delivered.Status);
        Assert.Equal("SF1234567890", delivered.TrackingNumber);
        var publicLog = Assert.Single((await Awards(id, App.Anonymous())).Items);
        Assert.Equal(AwardStatus.Delivered, publicLog.Status);
        Assert.Null(publicLog.Address);
        Assert.Null(publicLog.TrackingNumber);
    }

    [Fact]
    public async Task Points_are_credited_at_once_and_the_ledger_matches_the_balance_then_only_the_winner_confirms_once()
    {
        var (id, _) = await EndedWithReplies(ReplyPlan(new RewardSetting("积分奖励", RewardKind.Points, 1, 150m, RewardRule.AllCompleters)),
            "member61");
        var winner = await App.UserIdAsync("member61");
        var before = await App.WithDb(db => db.Users.Where(u => u.Id == winner).Select(u => u.PointsBalance).SingleAsync(Ct));
        await Published(id);
        var award = Assert.Single((await Awards(id)).Items);
        Assert.Contains(await Notifications("member61", id), n => n.Kind == NotificationKind.AwardWon);

        Assert.Equal("wrong-state", (await (await Confirm(award.Id, "member61")).ExpectProblem(HttpStatusCode.Conflict)).Code);
        await (await Deliver(award.Id, by: "planner2")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await Deliver(award.Id)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("wrong-state", (await (await Deliver(award.Id)).ExpectProblem(HttpStatusCode.Conflict)).Code);

        var (balance, ledger, line) = await App.WithDb(async db => (
            await db.Users.Where(u => u.Id == winner).Select(u => u.PointsBalance).SingleAsync(Ct),
            await db.PointsEntries.Where(p => p.MemberId == winner).SumAsync(p => p.Delta, Ct),
            await db.PointsEntries.SingleAsync(p => p.MemberId == winner && p.ActivityId == id, Ct)));
        Assert.Equal(before + 150, balance);
        Assert.Equal(150, line.Delta);
        Assert.Equal(balance, ledger);

        await (await Confirm(award.Id, "member62")).ExpectProblem(HttpStatusCode.Forbidden);
        var confirmed = await (await Confirm(award.Id, "member61")).Expect<AwardView>(HttpStatusCode.OK);
        Assert.Equal(AwardStatus.Confirmed, confirmed.Status);
        Assert.Equal("already-confirmed", (await (await Confirm(award.Id, "member61")).ExpectProblem(HttpStatusCode.Conflict)).Code);
        var mine = await (await (await App.As("member61")).GetAsync("/api/me/activities", Ct)).Expect<JsonObject>(HttpStatusCode.OK);
        Assert.Contains(mine["rewards"]!.AsArray(), r => (string?)r!["id"] == award.Id.ToString() && (string?)r["status"] == "Confirmed");

        var codes = await App.WithDb(db => db.AuditEntries.AsNoTracking().Where(a => a.SubjectType == "award" && a.SubjectId == award.Id.ToString())
            .OrderBy(a => a.Sequence).Select(a => a.Code).ToListAsync(Ct));
        Assert.Equal(["award.created", "award.delivered", "award.confirmed"], codes);
        Assert.Contains("\"ok\":true", await (await Admin).GetStringAsync("/api/audit/verify", Ct));
        // Closing also needs the budget settled (B2.3): nothing was spent, so every line's variance is explained.
        var closing = await (await (await Planner).PostJson($"/api/activities/{id}/close", null)).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("settlement-required", closing.Code);
        var lines = (await (await (await Planner).PostJson($"/api/activities/{id}/settlement", new { })).ExpectProblem(HttpStatusCode.BadRequest)).Fields;
        await (await (await Planner).PostJson($"/api/activities/{id}/settlement", new
        {
            explanations = lines.ToDictionary(f => f["explanations.".Length..], _ => "未发生支出"),
            summary = "奖品由库存提供",
        })).ShouldBe(HttpStatusCode.Created);
        await (await (await Planner).PostJson($"/api/activities/{id}/close", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(ActivityStatus.Closed, (await Get(id)).Status);
    }

    [Fact]
    public async Task No_coupon_code_is_assigned_twice_under_concurrent_delivery()
    {
        const string coupon = "满100减20券";
        var (id, _) = await EndedWithReplies(ReplyPlan(new RewardSetting(coupon, RewardKind.Coupon, 6, 20m, RewardRule.AllCompleters)),
            Members(71, 6));
        await Published(id);
        var imported = await (await (await Planner).PostJson($"/api/activities/{id}/coupons",
            new { rewardName = coupon, codes = "code\nCPN-A\nCPN-B,2026-12-31\n\"CPN-C\"\nCPN-D\nCPN-A\n" })).Expect<CouponImport>(HttpStatusCode.OK);
        Assert.Equal((4, 1, 4), (imported.Added, imported.Duplicates, imported.Free));
        var awards = (await Awards(id)).Items;
        Assert.Equal(6, awards.Count);

        var planner = await Planner;
        // Every award delivered twice at once: 12 requests racing for 4 codes.
        var responses = await Task.WhenAll(awards.Concat(awards).Select(a => planner.PostJson($"/api/awards/{a.Id}/deliver", null)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var (delivered, pool) = await App.WithDb(async db => (
            await db.Set<Award>().AsNoTracking().Where(a => a.ActivityId == id && a.Status == AwardStatus.Delivered).ToListAsync(Ct),
            await db.Set<CouponCode>().AsNoTracking().Where(c => c.ActivityId == id).ToListAsync(Ct)));
        Assert.Equal(4, delivered.Count);
        Assert.Equal(["CPN-A", "CPN-B", "CPN-C", "CPN-D"], delivered.Select(a => a.CouponCode!).Order());
        Assert.All(pool, c => Assert.NotNull(c.AwardId));
        Assert.Equal(4, pool.Select(c => c.AwardId).Distinct().Count());
        Assert.All(delivered, a => Assert.Equal(a.CouponCode, pool.Single(c => c.AwardId == a.Id).Code));
        var left = awards.First(a => delivered.All(d => d.Id != a.Id));
        Assert.Equal("coupon-pool-empty", (await (await Deliver(left.Id)).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
        // The code is the winner's alone: the public log never shows it.
        Assert.All((await Awards(id, App.Anonymous())).Items, a => Assert.Null(a.CouponCode));
    }

    [Fact]
    public async Task Disqualified_members_never_win_and_their_undelivered_awards_are_voided()
    {
        var (id, _) = await EndedWithReplies(ReplyPlan(new RewardSetting("参与积分", RewardKind.Points, 5, 10m, RewardRule.AllCompleters)),
            Members(81, 3));
        // The conduct feature will disqualify through its own decision; until then any status but Confirmed stands for it.
        await Disqualify(id, "member81");
        var results = await Published(id);
        var codes = (await RegistrationsOf(id)).ToDictionary(r => r.MemberId, r => r.Code);
        Assert.DoesNotContain(codes[await App.UserIdAsync("member81")], results.Winners.Select(w => w.Code));
        Assert.Equal(2, results.Winners.Count);

        await Disqualify(id, "member82");
        var code82 = codes[await App.UserIdAsync("member82")];
        var award = (await Awards(id)).Items.Single(a => a.Code == code82);
        Assert.Equal("winner-not-eligible", (await (await Deliver(award.Id)).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
        await (await (await App.As("member82")).PostJson($"/api/awards/{award.Id}/void", new { reason = "x" })).ExpectProblem(HttpStatusCode.Forbidden);
        var voided = await (await (await Planner).PostJson($"/api/awards/{award.Id}/void", new { reason = "违规取消资格" })).Expect<AwardView>(HttpStatusCode.OK);
        Assert.Equal(AwardStatus.Voided, voided.Status);
        Assert.Equal("违规取消资格", voided.VoidReason);
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

    [Fact]
    public async Task Awards_undelivered_past_their_deadline_alert_the_team_once()
    {
        var (id, _) = await EndedWithReplies(ReplyPlan(new RewardSetting("参与积分", RewardKind.Points, 5, 10m, RewardRule.AllCompleters)),
            Members(97, 2));
        await Published(id);
        // Three weeks later (the deadline is two weeks after publication), nothing has been delivered.
        await App.WithDb(db => db.Set<Award>().Where(a => a.ActivityId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DueAt, DateTimeOffset.UtcNow.AddDays(-7)), Ct));
        using var scope = App.Services.CreateScope();
        var overdue = scope.ServiceProvider.GetRequiredService<OverdueAwards>();

        Assert.True(await overdue.AlertAsync(Ct) >= 2);
        Assert.Equal(0, await App.WithDb(db => db.Set<Award>().CountAsync(a => a.ActivityId == id && a.OverdueAlertedAt == null, Ct)));
        Assert.Contains(await Notifications("planner", id), n => n.Kind == NotificationKind.AwardsOverdue);
        Assert.Equal(2, (await Awards(id)).Overdue);
        Assert.Contains("awards-overdue", await Html(await Planner, $"/console/activities/{id}/awards"));
        var before = (await Notifications("planner", id)).Count;
        await overdue.AlertAsync(Ct);
        Assert.Equal(before, (await Notifications("planner", id)).Count);
    }

    [Fact]
    public async Task A_voided_prize_goes_to_the_winner_of_a_revealed_redraw_within_the_stock()
    {
        const string prize = "蓝牙音箱";
        var plan = WithRewards(ParticipationPlans.OpenNow(), new RewardSetting(prize, RewardKind.Physical, 1, 199m, RewardRule.Draw));
        var id = await OpenActivity(plan);
        await (await (await Planner).PostJson($"/api/activities/{id}/materials",
            new { name = prize, kind = "Prize", quantityNeeded = 1, quantityInHand = 1, status = "Ready" })).ShouldBe(HttpStatusCode.Created);
        foreach (var m in Members(101, 4)) await (await Register(m, id)).ShouldBe(HttpStatusCode.Created);
        await App.LaunchAsync(id);
        await App.EndAsync(id);
        var planner = await Planner;
        var draw = await (await planner.PostJson($"/api/activities/{id}/draws", new { winnersCount = 1, publicEntropy = "", rewardName = prize }))
            .Expect<DrawView>(HttpStatusCode.Created);
        await (await planner.PostJson($"/api/draws/{draw.Id}/reveal", null)).ShouldBe(HttpStatusCode.OK);
        await Published(id);
        var first = Assert.Single((await Awards(id)).Items);
        var redraw = await (await planner.PostJson($"/api/draws/{draw.Id}/redraw", new { publicEntropy = "" })).Expect<DrawView>(HttpStatusCode.Created);
        var revealed = await (await planner.PostJson($"/api/draws/{redraw.Id}/reveal", null)).Expect<DrawView>(HttpStatusCode.OK);

        // The first winner still holds the only bottle in stock: nothing is given until their award is voided.
        Assert.Equal(0, (await (await planner.PostJson($"/api/draws/{redraw.Id}/awards", null)).Expect<Page<JsonObject>>(HttpStatusCode.OK)).Total);
        await (await planner.PostJson($"/api/awards/{first.Id}/void", new { reason = "中奖者放弃" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, (await (await planner.PostJson($"/api/draws/{redraw.Id}/awards", null)).Expect<Page<JsonObject>>(HttpStatusCode.OK)).Total);
        Assert.Equal(0, (await (await planner.PostJson($"/api/draws/{redraw.Id}/awards", null)).Expect<Page<JsonObject>>(HttpStatusCode.OK)).Total);
        Assert.Equal("not-a-redraw", (await (await planner.PostJson($"/api/draws/{draw.Id}/awards", null)).ExpectProblem(HttpStatusCode.Conflict)).Code);

        var awards = (await Awards(id)).Items;
        Assert.Equal([(1, AwardStatus.Voided), (2, AwardStatus.Pending)], awards.Select(a => (a.Rank, a.Status)));
        Assert.Equal(revealed.Winners![0], awards[1].Code);
        var results = await (await App.Anonymous().GetAsync($"/api/activities/{id}/results", Ct)).Expect<ResultsView>(HttpStatusCode.OK);
        Assert.Contains(results.Winners, w => w.Code == revealed.Winners[0] && w.DrawUrl == $"/draws/{redraw.Id}");
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
        var memberId = await db.Users.Where(u => u.Email == $"{member}@{TestApp.Domain}").Select(u => u.Id).SingleAsync(Ct);
        await db.Registrations.Where(r => r.ActivityId == activityId && r.MemberId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled), Ct);
    });
}

public sealed class AwardApiTests_Sqlite(SqliteApp app) : AwardApiTests(app), IClassFixture<SqliteApp>;
public sealed class AwardApiTests_Postgres(PostgresApp app) : AwardApiTests(app), IClassFixture<PostgresApp>;
