using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// M1/M2/E2.3 as a member's journey in zh-CN (issue 10): find the live Q&amp;A on the portal, register with real name
/// and phone, hand in a reply that breaks the rule (told why beside the field, the text kept), hand in one that keeps
/// it, and comment. Each page passes axe-core; a screenshot for the README.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberJourneyTests(BrowserApp app)
{
    private const string LiveQuiz = "新品直播有奖问答";
    [Fact]
    public async Task A_member_registers_for_the_live_quiz_replies_by_its_rule_and_comments()
    {
        Infra.RequireAxe();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var page = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(page, "member151");
        await BrowserApp.GotoOkAsync(page, "/");
        await page.GetByRole(AriaRole.Link, new() { Name = LiveQuiz, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/activities/[0-9a-f-]{36}$"));

        await page.FillAsync("#register-form input[name='Register.RealName']", "林晓雨");
        await page.FillAsync("#register-form input[name='Register.Phone']", "13612345678");
        await page.ClickAsync("#register");
        await Expect(page.Locator("#registration-status")).ToContainTextAsync("已确认");

        // A reply without the keyword is refused beside the field, and what the member typed is still there.
        var wrong = $"这次直播的问题都很有意思（{tag}）";
        await page.FillAsync("#submission-content", wrong);
        await page.ClickAsync("#submit-entry");
        await Expect(page.Locator("#submission-form .field-error, #submission-form .notice--error").First).ToContainTextAsync("新品");
        await Expect(page.Locator("#submission-content")).ToHaveValueAsync(wrong);

        var reply = $"我最喜欢新品的续航表现，充电一次能用两天（{tag}）";
        await page.FillAsync("#submission-content", reply);
        await page.ClickAsync("#submit-entry");
        await Expect(page.Locator("#my-submissions")).ToContainTextAsync(reply);

        var comment = $"主播讲得很清楚，期待下一场！（{tag}）";
        await page.FillAsync("#comment-body", comment);
        await page.ClickAsync("#post-comment");
        await Expect(page.Locator("article.comment", new() { HasText = comment })).ToBeVisibleAsync();

        await Infra.AssertAccessibleAsync(page, "the live quiz's page");
        await page.Locator("#submission").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("journey-member-reply-zh-CN"), FullPage = false });
        await page.Context.CloseAsync();
    }
}
