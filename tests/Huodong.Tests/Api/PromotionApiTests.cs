using System.Net;
using System.Text.Json;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Security;
using Huodong.Web.Preparation.Promotion;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>E1.4 through <c>POST/GET /api/activities/{id}/promotions</c>: who may promote, when, and what the message must say.</summary>
public abstract class PromotionApiTests(TestApp app) : ApiTests(app)
{
    public sealed record ChannelView(PromotionChannel Channel, int Total, int Pending, int Sent, int Failed, string? LastError);
    public sealed record PromotionAnswer(Guid Id, string Title, string Body, List<PromotionChannel> Channels, List<ChannelView> Deliveries);
    private sealed record PromotionList(List<PromotionAnswer> Items, int Total);
    private sealed record AnnouncementList(List<AnnouncementView> Items);

    private async Task<HttpResponseMessage> Promote(Guid id, object body, string by = "planner") =>
        await (await App.As(by)).SendJson(HttpMethod.Post, $"/api/activities/{id}/promotions", body, acceptLanguage: "en");

    [Fact]
    public async Task Without_a_body_the_message_is_generated_from_the_plan_with_all_six_parts()
    {
        var activity = await Approved();
        var plan = Plans.Complete();

        var p = await (await Promote(activity.Id, new { channels = new[] { "Announcement" } })).Expect<PromotionAnswer>(HttpStatusCode.Created);

        Assert.Contains(plan.Theme!, p.Body);
        Assert.Contains(Display.InChina(activity.Schedule!.StartsAt!.Value).ToString("yyyy-MM-dd"), p.Body);
        Assert.Contains("比赛", p.Body);
        Assert.Contains("活动规则", p.Body);
        Assert.Contains("报名", p.Body);
        Assert.Contains("一等奖 蓝牙耳机", p.Body);
        Assert.Equal($"活动预告：{activity.Title}", p.Title);
        var announcement = Assert.Single(p.Deliveries);
        Assert.Equal((PromotionChannel.Announcement, 1, 1), (announcement.Channel, announcement.Total, announcement.Sent));
    }

    [Fact]
    public async Task A_body_missing_parts_is_refused_naming_each_of_them_and_nothing_is_saved()
    {
        var activity = await Approved();
        var body = $"{activity.Theme}，{Display.InChina(activity.Schedule!.StartsAt!.Value):yyyy-MM-dd} 开始！";

        var response = await Promote(activity.Id, new { channels = new[] { "Announcement", "Webhook" }, body });

        var problem = await response.ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("promotion-incomplete", problem.Code);
        Assert.Equal("The promotion lacks: Format, Content, Participation, Rewards.", problem.Title);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["format", "content", "participation", "rewards"],
            json.RootElement.GetProperty("missing").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(0, await App.WithDb(db => db.Set<Promotion>().CountAsync(x => x.ActivityId == activity.Id, Ct)));
    }

    [Fact]
    public async Task A_written_body_with_every_part_is_sent_as_written()
    {
        var activity = await Approved();
        var start = Display.InChina(activity.Schedule!.StartsAt!.Value);
        var body = $"{activity.Title}：{start.Month}月{start.Day}日开赛，比赛形式，规则见活动页，报名参加，奖品丰富！";

        var p = await (await Promote(activity.Id, new { channels = new[] { "Announcement" }, title = "快来参加", body }))
            .Expect<PromotionAnswer>(HttpStatusCode.Created);

        Assert.Equal((body, "快来参加"), (p.Body, p.Title));
        var announced = await (await App.Anonymous().GetAsync($"/api/announcements?activityId={activity.Id}", Ct))
            .Expect<AnnouncementList>(HttpStatusCode.OK);
        Assert.Equal(p.Id, Assert.Single(announced.Items).Id);
    }

    [Fact]
    public async Task Email_goes_to_each_member_who_opted_in_and_waits_in_the_outbox_without_SMTP()
    {
        var activity = await Approved();
        await App.WithDb(db =>
        {
            var key = db.AccountKey($"member8@{TestApp.Domain}");
            return db.Users.Where(u => u.NormalizedEmail == key).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailOptIn, false), Ct);
        });

        var p = await (await Promote(activity.Id, new { channels = new[] { "Email", "WeCom" } })).Expect<PromotionAnswer>(HttpStatusCode.Created);

        var email = p.Deliveries.Single(d => d.Channel == PromotionChannel.Email);
        Assert.Equal(199, email.Total);
        Assert.Equal(199, email.Pending);
        var member8 = await App.UserIdAsync("member8");
        Assert.False(await App.WithDb(db => db.Set<Delivery>().AnyAsync(d => d.PromotionId == p.Id && d.RecipientId == member8, Ct)));
        Assert.Equal(1, p.Deliveries.Single(d => d.Channel == PromotionChannel.WeCom).Pending);
    }

    [Fact]
    public async Task The_list_shows_each_promotion_with_its_delivery_status_per_channel()
    {
        var activity = await Approved();
        await (await Promote(activity.Id, new { channels = new[] { "Announcement", "DingTalk" } })).ShouldBe(HttpStatusCode.Created);

        var list = await (await (await Planner).GetAsync($"/api/activities/{activity.Id}/promotions", Ct)).Expect<PromotionList>(HttpStatusCode.OK);

        var p = Assert.Single(list.Items);
        Assert.Equal([PromotionChannel.Announcement, PromotionChannel.DingTalk], p.Channels);
        Assert.Equal([(PromotionChannel.Announcement, 1, 0), (PromotionChannel.DingTalk, 0, 1)],
            p.Deliveries.Select(d => (d.Channel, d.Sent, d.Pending)));
    }

    [Fact]
    public async Task Members_and_planners_off_the_team_may_not_promote()
    {
        var activity = await Approved();

        Assert.Equal("forbidden", (await (await Promote(activity.Id, new { channels = new[] { "Announcement" } }, "member7"))
            .ExpectProblem(HttpStatusCode.Forbidden)).Code);
        await (await Promote(activity.Id, new { channels = new[] { "Announcement" } }, "planner2")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await App.As("member7")).GetAsync($"/api/activities/{activity.Id}/promotions", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        var draft = await CreateDraft();
        await (await Promote(draft.Id, new { channels = new[] { "Announcement" } }, "planner2")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_or_an_activity_in_review_cannot_be_promoted()
    {
        var draft = await CreateDraft();
        var inReview = await InHeadReview();

        Assert.Equal("wrong-state", (await (await Promote(draft.Id, new { channels = new[] { "Announcement" } }))
            .ExpectProblem(HttpStatusCode.Conflict)).Code);
        await (await Promote(inReview.Id, new { channels = new[] { "Announcement" } })).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Unknown_or_no_channels_are_a_validation_error()
    {
        var activity = await Approved();

        Assert.Contains("channels", (await (await Promote(activity.Id, new { channels = new[] { "Fax" } }))
            .ExpectProblem(HttpStatusCode.BadRequest)).Fields);
        Assert.Contains("channels", (await (await Promote(activity.Id, new { channels = Array.Empty<string>() }))
            .ExpectProblem(HttpStatusCode.BadRequest)).Fields);
    }
}

public sealed class PromotionApiTests_Sqlite(SqliteApp app) : PromotionApiTests(app), IClassFixture<SqliteApp>;
public sealed class PromotionApiTests_Postgres(PostgresApp app) : PromotionApiTests(app), IClassFixture<PostgresApp>;
