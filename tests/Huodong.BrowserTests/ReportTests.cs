using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// V2.1 / V2.4 in the browser: the planner opens the evaluation report of the Closed demo check-in from its plan page;
/// its charts are drawn on canvas, the comparison with the five earlier check-ins marks figures better or worse in
/// words as well as colour, printing hides the navigation and controls, and the page passes axe-core (WCAG 2.1 AA).
/// The community head's overview draws its trends. Screenshots: activity-report(-en), overview.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportTests(BrowserApp app)
{
    private const string RunAxe = """
        async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
          .violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))
        """;

    [Theory]
    [InlineData("zh-CN", "activity-report", "更好")]
    [InlineData("en", "activity-report-en", "Better")]
    public async Task The_report_of_the_closed_demo_activity_draws_its_charts_compares_it_and_prints_without_controls(
        string culture, string screenshot, string better)
    {
        if (!File.Exists(Infra.AxePath)) Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        var page = await app.NewPageAsync(culture);
        await app.SignInAsync(page, "planner");
        await BrowserApp.GotoOkAsync(page, "/");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = ResultsTests.ClosedDemoActivity, Exact = true }).First.GetAttributeAsync("href");
        Assert.NotNull(href); // /activities/{id}
        await BrowserApp.GotoOkAsync(page, $"/console/plans/{href!.Split('/')[^1]}");
        await page.ClickAsync("#report-link");
        await page.WaitForURLAsync($"**/console{href}/report");

        foreach (var chart in new[] { "#chart-funnel", "#chart-interactions", "#chart-timeline", "#chart-cost", "#chart-trend-participants" })
            await Expect(page.Locator($"{chart} canvas")).ToBeVisibleAsync();
        await Expect(page.Locator("#report-peers tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("#report-comparison tr[data-better='true'] .cmp--better").First).ToContainTextAsync(better);
        await Expect(page.Locator("#report-figures tr[data-metric='participationRate'] td").Last).Not.ToBeEmptyAsync();
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath(screenshot), FullPage = true });

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.Locator("#print-report")).ToBeHiddenAsync();
        await Expect(page.Locator("#chart-timeline canvas")).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000, $"The printed report is only {pdf.Length} bytes.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_community_overview_shows_the_states_and_draws_the_monthly_trends()
    {
        if (!File.Exists(Infra.AxePath)) Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        var page = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(page, "head");
        await BrowserApp.GotoOkAsync(page, "/console/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "社区总览" }).ClickAsync();
        await page.WaitForURLAsync("**/console/overview");
        foreach (var chart in new[] { "#chart-participation", "#chart-satisfaction", "#chart-spend" })
            await Expect(page.Locator($"{chart} canvas")).ToBeVisibleAsync();
        await Expect(page.Locator("#overview-states li[data-status='Closed'] strong")).Not.ToHaveTextAsync("0");
        await Expect(page.Locator("#overview-activities tbody tr")).Not.ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("overview"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Infra.AxePath });
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        Assert.True(violations.GetArrayLength() == 0, $"WCAG 2.1 AA violations on {page.Url}:\n" +
            string.Join("\n", violations.EnumerateArray().Select(v => v.GetString())));
    }

    [Fact]
    public async Task The_team_records_a_goal_value_on_the_report_and_a_wrong_entry_is_refused_beside_its_field()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "planner");
        await BrowserApp.GotoOkAsync(page, "/");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "十周年会员幸运抽奖", Exact = true }).First.GetAttributeAsync("href");
        await BrowserApp.GotoOkAsync(page, $"/console{href}/report");

        var row = page.Locator("#report-goals tbody tr", new() { HasText = "周年庆商城下单" });
        await row.Locator("input[name='actual']").FillAsync("很多");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        row = page.Locator("#report-goals tbody tr", new() { HasText = "周年庆商城下单" });
        await Expect(row.Locator(".field-error")).ToContainTextAsync("请输入数字");
        await Expect(row.Locator("input[name='actual']")).ToHaveValueAsync("很多"); // what was typed is kept
        await Expect(row.Locator("input[name='actual']")).ToHaveAttributeAsync("aria-invalid", "true");

        await row.Locator("input[name='actual']").FillAsync("64");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync("**/report#report-goals");
        await Expect(page.Locator("#report-goals tbody tr", new() { HasText = "周年庆商城下单" }).Locator("td").Nth(1)).ToContainTextAsync("64");
        await page.Context.CloseAsync();
    }
}
