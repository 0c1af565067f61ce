using System.Net;
using System.Text.Json.Nodes;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Planning;
using Huodong.Web.Rewards;
using Huodong.Web.Data;
using Huodong.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Rewards;

public abstract partial class DrawApiTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public async Task The_number_of_winners_must_be_between_one_and_the_number_of_entrants(int k)
    {
        var id = await EndedActivity(Members(151, 3));

        var problem = await (await Create(id, new { winnersCount = k, publicEntropy = "" })).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("winners-count-out-of-range", problem.Code);
        Assert.Contains("3", problem.Title);
    }

    [Fact]
    public async Task The_number_of_winners_is_required_and_the_reward_must_be_a_draw_reward_of_the_plan()
    {
        var id = await EndedActivity(Members(155, 2));

        Assert.Contains("winnersCount", (await (await Create(id, new { publicEntropy = "" })).ExpectProblem(HttpStatusCode.BadRequest)).Fields);
        Assert.Contains("rewardName", (await (await Create(id, new { winnersCount = 1, publicEntropy = "", rewardName = "一等奖" }))
            .ExpectProblem(HttpStatusCode.BadRequest)).Fields);
        Assert.Contains("publicEntropy", (await (await Create(id, new { winnersCount = 1, publicEntropy = new string('x', 501) }))
            .ExpectProblem(HttpStatusCode.BadRequest)).Fields);
    }

    [Fact]
    public async Task An_activity_without_confirmed_registrations_has_nobody_to_draw_from()
    {
        var id = await EndedActivity([], "member158");

        Assert.Equal("no-entrants", (await (await Create(id, new { winnersCount = 1, publicEntropy = "" }))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
    }

    [Fact]
    public async Task Draws_wait_for_the_end_of_the_activity()
    {
        var id = await LiveActivity(LotteryPlan(), "member160");

        Assert.Equal("wrong-state", (await (await Create(id, new { winnersCount = 1, publicEntropy = "" }))
            .ExpectProblem(HttpStatusCode.Conflict)).Code);
    }

    [Theory]
    [InlineData("planner2")]
    [InlineData("head")]
    [InlineData("member7")]
    public async Task Only_the_team_creates_and_reveals_draws(string account)
    {
        var id = await EndedActivity(Members(161, 2));
        var draw = await Committed(id, k: 1);

        await (await Create(id, new { winnersCount = 1, publicEntropy = "" }, account)).ShouldBe(HttpStatusCode.Forbidden);
        await (await Reveal(draw.Id, account)).ShouldBe(HttpStatusCode.Forbidden);
        await (await App.Anonymous().PostJson($"/api/draws/{draw.Id}/reveal", null)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_draw_is_not_found()
    {
        await (await App.Anonymous().GetAsync($"/api/draws/{Guid.NewGuid()}", Ct)).ShouldBe(HttpStatusCode.NotFound);
        await (await Reveal(Guid.NewGuid())).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_forfeited_prize_is_redrawn_over_the_entrants_who_have_not_won()
    {
        var id = await EndedActivity(Members(171, 5));
        var first = await Committed(id, k: 2);
        var planner = await Planner;

        Assert.Equal("not-revealed", (await (await planner.PostJson($"/api/draws/{first.Id}/redraw", new { publicEntropy = "" }))
            .ExpectProblem(HttpStatusCode.Conflict)).Code);
        var revealed = await (await Reveal(first.Id)).Expect<DrawView>(HttpStatusCode.OK);

        var redraw = await (await planner.PostJson($"/api/draws/{first.Id}/redraw", new { publicEntropy = "补抽" }))
            .Expect<DrawView>(HttpStatusCode.Created);

        Assert.Equal(first.Id, redraw.RedrawOf);
        Assert.Equal(2, redraw.Number);
        Assert.Equal(1, redraw.WinnersCount);
        Assert.Equal(Reward, redraw.RewardName);
        Assert.Equal(first.Entrants.Except(revealed.Winners!), redraw.Entrants);
        Assert.Equal("redraw-pending", (await (await planner.PostJson($"/api/draws/{first.Id}/redraw", new { publicEntropy = "" }))
            .ExpectProblem(HttpStatusCode.Conflict)).Code);

        var second = await (await Reveal(redraw.Id)).Expect<DrawView>(HttpStatusCode.OK);
        var third = await (await planner.PostJson($"/api/draws/{redraw.Id}/redraw", new { publicEntropy = "" }))
            .Expect<DrawView>(HttpStatusCode.Created);
        Assert.Equal(first.Id, third.RedrawOf);
        Assert.Equal(first.Entrants.Except(revealed.Winners!).Except(second.Winners!), third.Entrants);

        var list = await (await App.Anonymous().GetAsync($"/api/activities/{id}/draws", Ct)).Expect<Page<DrawView>>(HttpStatusCode.OK);
        Assert.Equal([1, 2, 3], list.Items.Select(d => d.Number));
    }

    [Fact]
    public async Task The_demo_Ended_lottery_is_left_undrawn()
    {
        var ended = await App.WithDb(db => db.Activities.AsNoTracking().SingleAsync(a => a.Status == ActivityStatus.Ended
            && a.Title == "十周年会员幸运抽奖", Ct));
        Assert.Empty((await (await App.Anonymous().GetAsync($"/api/activities/{ended.Id}/draws", Ct)).Expect<Page<DrawView>>(HttpStatusCode.OK)).Items);
    }

    [Fact]
    public async Task The_console_page_offers_the_forms_to_the_team_and_the_public_pages_show_every_input()
    {
        var id = await EndedActivity(Members(181, 3));
        var draw = await Committed(id, k: 1, entropy: "公开值 42");
        await (await Reveal(draw.Id)).ShouldBe(HttpStatusCode.OK);

        var team = await Html(await Planner, $"/console/activities/{id}/draws");
        var other = await Html(await Planner2, $"/console/activities/{id}/draws");
        var anonymous = App.Anonymous();
        var single = await Html(anonymous, $"/draws/{draw.Id}");
        var list = await Html(anonymous, $"/activities/{id}/draws");

        Assert.Contains("承诺并公布抽奖", team);
        Assert.Contains(draw.Commitment, team);
        Assert.DoesNotContain("承诺并公布抽奖", other);
        Assert.Contains(draw.Commitment, single);
        Assert.Contains(draw.EntrantsHash, single);
        Assert.Contains("公开值 42", single);
        Assert.Contains("id=\"draw-document\"", single);
        Assert.Contains("/js/draw-verify.js", single);
        Assert.Contains($"/draws/{draw.Id}", list);
        Assert.Contains($"/activities/{id}/draws", await Html(anonymous, $"/activities/{id}"));
    }
}
