using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// E3.1 / G3.2 in the browser: a member opens the Closed demo activity's published results, follows the link to the
/// draw that chose the bottle winners, and the in-browser verifier says the draw checks out; the results page shows
/// masked winners, the statistics and the delivery log, and passes axe-core (WCAG 2.1 AA). The winner's own awards
/// page shows the masked address and the confirmed receipt.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResultsTests(BrowserApp app)
{
    public const string ClosedDemoActivity = "夏季新品体验打卡";

    private const string RunAxe = """
        async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
          .violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))
        """;

    [Fact]
    public async Task A_member_opens_the_results_follows_the_draw_and_the_verifier_says_it_checks_out()
    {
        if (!File.Exists(Infra.AxePath))
            Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        var page = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(page, "member7");
        await BrowserApp.GotoOkAsync(page, "/");
        await page.GetByRole(AriaRole.Link, new() { Name = ClosedDemoActivity, Exact = true }).First.ClickAsync();
        await page.ClickAsync("#activity-results");
        await page.WaitForURLAsync("**/results");
        var resultsPath = new Uri(page.Url).AbsolutePath;

        await Expect(page.Locator("#winners tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#winners")).ToContainTextAsync("*");
        await Expect(page.Locator("#results-statistics")).ToBeVisibleAsync();
        await Expect(page.Locator("#delivery-log tbody tr")).Not.ToHaveCountAsync(0);
        await AssertAccessibleAsync(page, resultsPath);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("results-zh-CN"), FullPage = true });

        await page.Locator("#how-chosen a.results-draw-link").First.ClickAsync();
        await page.WaitForURLAsync("**/draws/*");
        await Expect(page.Locator("#winners li")).ToHaveCountAsync(2);
        await page.ClickAsync("#verify-draw");
        await Expect(page.Locator("#verify-result")).ToHaveAttributeAsync("data-outcome", "match");
        await Expect(page.Locator("#verify-checks .draw-check--bad")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_bottle_winner_sees_the_masked_address_and_the_confirmed_receipt_in_My_awards()
    {
        if (!File.Exists(Infra.AxePath))
            Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        var winner = await WinnerOfABottleAsync();
        var page = await app.NewPageAsync("en");
        await app.SignInAsync(page, winner);
        await BrowserApp.GotoOkAsync(page, "/me/awards");

        var bottle = page.Locator("#my-awards li").Filter(new() { HasText = "定制保温杯" });
        await Expect(bottle).ToContainTextAsync("****");
        await Expect(bottle).ToContainTextAsync("SF10");
        await Expect(bottle.Locator(".badge")).ToHaveTextAsync("Received");
        await AssertAccessibleAsync(page, "/me/awards");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_console_awards_tab_of_the_closed_and_the_ended_demo_passes_axe()
    {
        if (!File.Exists(Infra.AxePath))
            Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        var page = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(page, "planner");
        foreach (var title in new[] { ClosedDemoActivity, DrawTests.EndedDemoActivity })
        {
            await BrowserApp.GotoOkAsync(page, "/");
            var href = await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).First.GetAttributeAsync("href");
            var path = $"/console{href}/awards";
            await BrowserApp.GotoOkAsync(page, path);
            await Expect(page.Locator("nav.tabs a[aria-current='page']")).ToBeVisibleAsync();
            await AssertAccessibleAsync(page, path);
        }
        await Expect(page.Locator("#publish-results")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("awards-console-zh-CN"), FullPage = true });
        await page.Context.CloseAsync();
    }

    /// <summary>The email of a member who won a bottle, read from the public results and the demo's member numbering.</summary>
    private async Task<string> WinnerOfABottleAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var list = JsonDocument.Parse(await http.GetStringAsync("/api/activities?pageSize=200", TestContext.Current.CancellationToken));
        var id = list.RootElement.GetProperty("items").EnumerateArray()
            .First(a => a.GetProperty("title").GetString() == ClosedDemoActivity).GetProperty("id").GetString();
        var results = JsonDocument.Parse(await http.GetStringAsync($"/api/activities/{id}/results", TestContext.Current.CancellationToken));
        var code = results.RootElement.GetProperty("winners").EnumerateArray()
            .First(w => w.GetProperty("kind").GetString() == "Physical").GetProperty("code").GetString()!;
        // The demo registers members 101–120 in order, so registration number k of this activity is member 100 + k.
        return $"member{100 + int.Parse(code[1..])}";
    }

    private static async Task AssertAccessibleAsync(IPage page, string path)
    {
        await page.AddScriptTagAsync(new() { Path = Infra.AxePath });
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        Assert.True(violations.GetArrayLength() == 0, $"WCAG 2.1 AA violations on {path}:\n" +
            string.Join("\n", violations.EnumerateArray().Select(v => v.GetString())));
    }
}
