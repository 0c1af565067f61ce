using System.Net;
using Huodong.Tests.Infrastructure;

namespace Huodong.Tests.Api;

/// <summary>The console's promotion page and the portal's announcements show what the API made (E1.4).</summary>
public abstract class PromotionPagesTests(TestApp app) : ApiTests(app)
{
    [Fact]
    public async Task The_console_page_offers_the_generated_message_and_shows_each_channels_deliveries()
    {
        var activity = await Approved();
        var planner = await Planner;
        await (await planner.PostJson($"/api/activities/{activity.Id}/promotions", new { channels = new[] { "Announcement", "Feishu" } }))
            .ShouldBe(HttpStatusCode.Created);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/console/activities/{activity.Id}/promotion");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await planner.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户共创，分享真实使用体验", html);
        Assert.Contains("飞书", html);
        Assert.Contains("发送宣传", html);
    }

    [Fact]
    public async Task The_announcement_is_shown_on_the_portal_page_and_the_announcements_list()
    {
        var activity = await Approved();
        await (await (await Planner).PostJson($"/api/activities/{activity.Id}/promotions",
            new { channels = new[] { "Announcement" }, title = "公告标题 " + activity.Id })).ShouldBe(HttpStatusCode.Created);

        var portal = await App.Anonymous().GetStringAsync($"/activities/{activity.Id}", Ct);
        var list = await App.Anonymous().GetStringAsync("/announcements", Ct);

        Assert.Contains("公告标题 " + activity.Id, portal);
        Assert.Contains("公告标题 " + activity.Id, list);
    }

    [Fact]
    public async Task The_profile_page_offers_the_email_preference_with_an_antiforgery_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me/profile");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var html = await (await (await App.As("member12")).SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("通过邮件接收活动公告", html);
        var form = html[html.IndexOf("action=\"/me/email-preference\"", StringComparison.Ordinal)..];
        Assert.Contains("__RequestVerificationToken", form[..form.IndexOf("</form>", StringComparison.Ordinal)]);
        var input = html[..html.IndexOf("id=\"email-opt-in\"", StringComparison.Ordinal)];
        Assert.Contains("checked", input[input.LastIndexOf("<input", StringComparison.Ordinal)..]); // opted in by default
    }
}

public sealed class PromotionPagesTests_Sqlite(SqliteApp app) : PromotionPagesTests(app), IClassFixture<SqliteApp>;
