using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// M3 as a journey in zh-CN (issue 10): a member reports another member's comment from the activity page, the
/// moderator finds the case in the queue and removes the content, the comment is gone from the page, and its author
/// reads the decision on their own conduct page. Each page passes axe-core; screenshots for the README.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ModerationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_reported_comment_is_removed_by_the_moderator_and_its_author_reads_the_decision()
    {
        Infra.RequireAxe();
        var text = $"这条评论稍后会被举报（{Guid.NewGuid().ToString("N")[..6]}）";

        // The author posts a comment on the demo activity.
        var author = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(author, "member131");
        var activityPath = await ParticipationTests.DemoActivityPathAsync(author);
        var posted = await author.APIRequest.PostAsync($"/api{activityPath}/comments", new() { DataObject = new { body = text } });
        Assert.True(posted.Status == 201, $"posting the comment answered {posted.Status}: {await posted.TextAsync()}");

        // Another member reports it from the activity page.
        var reporter = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(reporter, "member132");
        await BrowserApp.GotoOkAsync(reporter, activityPath);
        var comment = reporter.Locator("article.comment", new() { HasText = text });
        await comment.Locator("details.report > summary").ClickAsync();
        await comment.Locator("textarea[name='reportReason']").FillAsync("与活动无关，疑似刷屏。");
        await comment.Locator("details.report button[type='submit']").ClickAsync();
        await Expect(reporter.Locator(".notice").First).ToContainTextAsync("举报");
        await reporter.Context.CloseAsync();

        // The moderator decides it from the queue.
        var moderator = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(moderator, "moderator");
        await BrowserApp.GotoOkAsync(moderator, "/console/moderation");
        var @case = moderator.Locator("#cases > li", new() { HasText = text });
        await Expect(@case).ToHaveCountAsync(1);
        await Infra.AssertAccessibleAsync(moderator, "moderation queue");
        await @case.ScrollIntoViewIfNeededAsync();
        await @case.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("journey-moderation-case-zh-CN") });
        await @case.Locator("select[name='Decision']").SelectOptionAsync("RemoveContent");
        await @case.Locator("textarea[name='Note']").FillAsync("内容与活动无关，已移除。");
        await @case.Locator("button[type='submit']").ClickAsync();
        await Expect(moderator.Locator("#cases > li", new() { HasText = text })).ToHaveCountAsync(0);
        await moderator.Context.CloseAsync();

        // The comment is gone from the page; its author reads the decision and the note.
        await BrowserApp.GotoOkAsync(author, activityPath);
        await Expect(author.Locator("article.comment", new() { HasText = text })).ToHaveCountAsync(0);
        await BrowserApp.GotoOkAsync(author, "/me/conduct");
        var decided = author.Locator("#my-cases > li", new() { HasText = "内容与活动无关，已移除。" });
        await Expect(decided).ToHaveCountAsync(1);
        await Infra.AssertAccessibleAsync(author, "my conduct");
        await author.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("journey-my-conduct-zh-CN"), FullPage = true });
        await author.Context.CloseAsync();
    }

}
