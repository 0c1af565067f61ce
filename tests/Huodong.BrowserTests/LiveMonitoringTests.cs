using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// E2.2 in the browser: the planner opens the live monitoring console of the Live demo activity and sees the
/// ECharts chart drawn on a canvas, the demo's open incident, and no WCAG 2.1 AA violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveMonitoringTests(BrowserApp app)
{
    public const string LiveDemoActivity = "新品直播有奖问答";

    [Fact]
    public async Task The_planner_watches_the_live_demo_activity_with_a_chart_and_its_open_incident()
    {
        if (!File.Exists(Infra.AxePath))
            Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        var page = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(page, "planner");
        await BrowserApp.GotoOkAsync(page, "/");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = LiveDemoActivity, Exact = true }).First.GetAttributeAsync("href");
        Assert.NotNull(href);

        var path = $"/console{href}/live";
        // The page polls the monitor API as soon as it loads, then every 15 seconds.
        var poll = await page.RunAndWaitForResponseAsync(() => BrowserApp.GotoOkAsync(page, path), r => r.Url.EndsWith("/monitor"));
        Assert.Equal(200, poll.Status);

        // ECharts (served from /lib/echarts, no CDN) draws into a canvas inside the chart's container.
        await Expect(page.Locator("#monitor-chart canvas").First).ToBeVisibleAsync();
        await Expect(page.Locator("#monitor-incidents")).ToContainTextAsync("直播画面卡顿");
        await Expect(page.Locator("#incidents-count")).ToHaveTextAsync("1");

        // A moderator-style report from the page: a critical incident appears in the list and raises an alert.
        var title = $"评论区出现刷屏（{Guid.NewGuid().ToString("N")[..6]}）";
        await page.SelectOptionAsync("#incident-kind", "Violation");
        await page.SelectOptionAsync("#incident-severity", "Critical");
        await page.FillAsync("#incident-title", title);
        await page.ClickAsync("#report");
        await page.WaitForURLAsync($"**{path}");
        await Expect(page.Locator("#monitor-incidents")).ToContainTextAsync(title);
        await Expect(page.Locator("#monitor-alerts [data-code='critical-incident']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#monitor-chart canvas").First).ToBeVisibleAsync();

        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("live-monitoring"), FullPage = true });

        await page.AddScriptTagAsync(new() { Path = Infra.AxePath });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
              .violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))
            """);
        await page.Context.CloseAsync();
        Assert.True(violations.GetArrayLength() == 0, $"WCAG 2.1 AA violations on {path}:\n" +
            string.Join("\n", violations.EnumerateArray().Select(v => v.GetString())));
    }

    [Fact]
    public async Task A_member_finds_the_rules_process_and_cautions_pinned_on_the_live_activity()
    {
        if (!File.Exists(Infra.AxePath))
            Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        var page = await app.NewPageAsync("en");
        await app.SignInAsync(page, "member60");
        await BrowserApp.GotoOkAsync(page, "/");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = LiveDemoActivity, Exact = true }).First.GetAttributeAsync("href");
        await BrowserApp.GotoOkAsync(page, href!);

        // E2.1: pinned above everything else in the main column, from the approved plan.
        var briefing = page.Locator("#launch-briefing");
        await Expect(briefing).ToBeVisibleAsync();
        await Expect(briefing.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Rules, process and cautions");
        await Expect(briefing).ToContainTextAsync("Post a reply that includes");
        await Expect(briefing).ToContainTextAsync("Results are published on this page after the end");
        await Expect(briefing).ToContainTextAsync("One account per person");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("live-activity-briefing"), FullPage = true });

        await page.AddScriptTagAsync(new() { Path = Infra.AxePath });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
              .violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))
            """);
        await page.Context.CloseAsync();
        Assert.True(violations.GetArrayLength() == 0, "WCAG 2.1 AA violations on the live activity page:\n" +
            string.Join("\n", violations.EnumerateArray().Select(v => v.GetString())));
    }
}
