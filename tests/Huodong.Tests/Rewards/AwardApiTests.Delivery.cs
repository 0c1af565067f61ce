using System.Net;
using System.Text.Json.Nodes;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Evaluation;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Rewards;

public abstract partial class AwardApiTests
{
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
        await App.WriteSummaryAsync(id); // closing also needs the summary (E3.3)
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
}
