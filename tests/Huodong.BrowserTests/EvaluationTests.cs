using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// E3.3 / V3.2 in the browser: the planner writes the Ended demo's summary (a refused empty save shows each field's
/// message first) beside its key metrics, the Closed demo's summary lists its three improvement actions, and the later
/// check-in plan's editor shows the open actions from earlier check-ins; every page passes axe-core (WCAG 2.1 AA).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EvaluationTests(BrowserApp app)
{
    private const string RunAxe = """
        async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
          .violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))
        """;

    [Fact]
    public async Task The_planner_writes_the_summary_beside_the_metrics_and_the_check_in_editor_shows_earlier_actions()
    {
        if (!File.Exists(Infra.AxePath))
            Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        var page = await app.NewPageAsync("en");
        await app.SignInAsync(page, "planner");

        var ended = $"/console/activities/{await PublishedIdAsync(DrawTests.EndedDemoActivity)}/summary";
        await BrowserApp.GotoOkAsync(page, ended);
        await Expect(page.Locator("#summary-missing")).ToBeVisibleAsync();
        await Expect(page.Locator(".metric")).ToHaveCountAsync(6);
        await Expect(page.Locator(".metric[data-metric='participants'] .metric__definition")).Not.ToBeEmptyAsync();
        await page.ClickAsync("#save-summary");
        await Expect(page.Locator("#strengths")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#strengths-error")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, ended + " (with errors)");

        await page.FillAsync("#strengths", "Draw was **transparent**; 36 members entered.");
        await page.FillAsync("#weaknesses", "Promotion started late.");
        await page.FillAsync("#feedback-highlights", "Members asked for more prizes.");
        await page.ClickAsync("#save-summary");
        await Expect(page.Locator("#summary-version")).ToContainTextAsync("Version 1");
        await Expect(page.Locator("#strengths")).ToHaveValueAsync("Draw was **transparent**; 36 members entered.");
        await AssertAccessibleAsync(page, ended);

        var closed = $"/console/activities/{await PublishedIdAsync(ResultsTests.ClosedDemoActivity)}/summary";
        await BrowserApp.GotoOkAsync(page, closed);
        await Expect(page.Locator("#strengths-text")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#improvement-list tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#improvement-list .badge--overdue")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page, closed);

        await BrowserApp.GotoOkAsync(page, "/console/plans");
        var plan = await page.GetByRole(AriaRole.Link, new() { Name = "21 天打卡挑战", Exact = true }).First.GetAttributeAsync("href");
        await BrowserApp.GotoOkAsync(page, plan + "/edit");
        var suggestions = page.Locator("#improvement-suggestions");
        await Expect(suggestions).ToContainTextAsync("打卡周期延长到一周");
        await Expect(suggestions.Locator(".suggestion--applied")).ToContainTextAsync("开始前一天推送打卡提醒");
        await AssertAccessibleAsync(page, plan + "/edit");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("editor-improvements-en"), FullPage = true });

        // V3.2: the planner marks the open action applied in this plan, then takes the mark back.
        var open = suggestions.Locator("li", new() { HasText = "打卡周期延长到一周" });
        await open.GetByRole(AriaRole.Button, new() { Name = "Mark as applied in this plan" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("marked as applied");
        await Expect(open).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("suggestion--applied"));
        await open.GetByRole(AriaRole.Button, new() { Name = "Not applied after all" }).ClickAsync();
        await Expect(open).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("suggestion--applied"));

        // The community head's overview: overdue actions only, and one action's page.
        var head = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(head, "head");
        await BrowserApp.GotoOkAsync(head, "/console/improvements?overdue=true");
        await Expect(head.Locator("#improvements tbody tr")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(head, "/console/improvements?overdue=true");
        await head.Locator("#improvements tbody a").First.ClickAsync();
        await Expect(head.Locator("#overdue")).ToBeVisibleAsync();
        await AssertAccessibleAsync(head, head.Url);
        await head.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private async Task<string> PublishedIdAsync(string title)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var list = JsonDocument.Parse(await http.GetStringAsync("/api/activities?pageSize=200", TestContext.Current.CancellationToken));
        return list.RootElement.GetProperty("items").EnumerateArray()
            .First(a => a.GetProperty("title").GetString() == title).GetProperty("id").GetString()!;
    }

    private static async Task AssertAccessibleAsync(IPage page, string path)
    {
        await page.AddScriptTagAsync(new() { Path = Infra.AxePath });
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        Assert.True(violations.GetArrayLength() == 0, $"WCAG 2.1 AA violations on {path}:\n" +
            string.Join("\n", violations.EnumerateArray().Select(v => v.GetString())));
    }
}
