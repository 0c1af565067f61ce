using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// S1.2 in the browser: an admin sees the open alerts count in the console navigation, opens the alerts page,
/// is asked for a note when acknowledging without one, acknowledges the demo's failed sign-in burst with a note, and
/// finds it among all alerts with who acknowledged it. Screenshot: docs/screenshots/security-alerts.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityAlertsTests(BrowserApp app)
{
    [Fact]
    public async Task An_admin_acknowledges_a_security_alert_with_a_note()
    {
        var page = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(page, "admin");
        await BrowserApp.GotoOkAsync(page, "/console/plans");
        await Expect(page.Locator("#alert-count")).ToBeVisibleAsync();
        await page.ClickAsync("#alerts-link");
        await Expect(page.Locator("h1")).ToHaveTextAsync("安全告警");
        await Expect(page.Locator("#chain-check")).ToContainTextAsync("完整");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("security-alerts"), FullPage = true });

        var row = page.Locator("#alerts tbody tr", new() { HasText = "l***i@example.com" });
        await row.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".field-error")).ToBeVisibleAsync();

        row = page.Locator("#alerts tbody tr", new() { HasText = "l***i@example.com" });
        await row.Locator("input[name=Note]").FillAsync("已联系该账号持有人重置密码");
        await row.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByText("告警已确认。")).ToBeVisibleAsync();
        await Expect(page.Locator("#alerts tbody tr", new() { HasText = "l***i@example.com" })).ToHaveCountAsync(0);

        await page.SelectOptionAsync("#status", "all");
        await page.ClickAsync("form[role=search] button[type=submit]");
        var done = page.Locator("#alerts tbody tr", new() { HasText = "l***i@example.com" });
        await Expect(done).ToContainTextAsync("已联系该账号持有人重置密码");
        await page.Context.CloseAsync();
    }
}
