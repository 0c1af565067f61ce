using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// E1 in the browser: on the approved demo activity's readiness page the planner sees the gate closed with what is
/// missing, adds the suggested duties, names a person for each, runs the readiness check and ticks an item.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadinessTests(BrowserApp app)
{
    [Fact]
    public async Task A_planner_staffs_the_activity_and_runs_the_readiness_check()
    {
        var page = await app.NewPageAsync("en");
        await app.SignInAsync(page, "planner");
        var activity = await ParticipationTests.DemoActivityPathAsync(page);
        var path = $"/console{activity}/readiness";
        await BrowserApp.GotoOkAsync(page, path);
        await Expect(page.Locator("#gate-verdict")).ToContainTextAsync("Not ready");
        await Expect(page.Locator("#condition-Promotion")).ToContainTextAsync("The promotion has not been sent.");

        if (await page.Locator("#duty-defaults").CountAsync() == 1)
        {
            await page.ClickAsync("#duty-defaults");
            await page.WaitForURLAsync($"**{path}");
        }
        var rows = page.Locator("#duty-table tbody tr");
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            await rows.Nth(i).Locator("input[type=email]").FillAsync("moderator@demo.huodong");
            await rows.Nth(i).GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
            await page.WaitForURLAsync($"**{path}");
        }
        await Expect(page.Locator("#condition-Staffing")).Not.ToContainTextAsync("Nobody is named");

        await page.ClickAsync("#run-check");
        await page.WaitForURLAsync($"**{path}");
        await Expect(page.Locator("#probes")).ToContainTextAsync("Registration works (dry-run sandbox)");
        await page.ClickAsync("#tick-rules-proofread");
        await page.WaitForURLAsync($"**{path}");
        await Expect(page.Locator("#checklist")).ToContainTextAsync("Ticked by");
        await page.Context.CloseAsync();
    }
}
