using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// S1.1, ASVS V1 (output encoding): a member posts hostile comments through the API (a script tag, an img onerror,
/// a javascript: link, an RTL override); the activity page shows them as text. No dialog opens, no injected
/// element or javascript: link exists in the page, and the markup is visible as typed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileCommentTests(BrowserApp app)
{
    [Fact]
    public async Task Hostile_comments_are_shown_as_text_and_nothing_in_them_runs()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        string[] hostile =
        [
            $"<script>alert('xss-{tag}')</script>",
            $"\"><img src=x id=injected-img-{tag} onerror=alert('xss-{tag}')>",
            $"[click me {tag}](javascript:alert('xss-{tag}')) <a href=\"javascript:alert(1)\" id=injected-a-{tag}>link</a>",
            $"abc\u202Egnp.exe {tag}",
        ];

        var page = await app.NewPageAsync("en");
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        await app.SignInAsync(page, "member121");
        var activityPath = await ParticipationTests.DemoActivityPathAsync(page);

        foreach (var body in hostile)
        {
            var response = await page.APIRequest.PostAsync($"/api{activityPath}/comments", new() { DataObject = new { body } });
            Assert.True(response.Status == 201, $"posting a comment answered {response.Status}: {await response.TextAsync()}");
        }

        await BrowserApp.GotoOkAsync(page, activityPath);
        foreach (var body in hostile)
            await Expect(page.GetByText(body, new() { Exact = false }).First).ToBeVisibleAsync();
        // Give any injected handler a moment to fire before looking for its effects.
        await page.WaitForTimeoutAsync(500);

        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator($"#injected-img-{tag}, #injected-a-{tag}").CountAsync());
        Assert.Equal(0, await page.Locator("main script, main img[onerror], main [onerror]").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript:' i]").CountAsync());

        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("hostile-comments-en"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
