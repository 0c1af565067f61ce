using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// V2.2, P2.1, V2.3 in the browser: a planner opens the demo needs-research results (charts drawn by ECharts) and the
/// survey builder; a member answers the open demo survey and reads their feedback. Each page passes axe-core
/// (WCAG 2.1 AA).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SurveyTests(BrowserApp app)
{
    private const string RunAxe = """
        async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
          .violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))
        """;

    [Fact]
    public async Task Staff_see_survey_results_as_charts_and_a_member_answers_the_open_survey()
    {
        if (!File.Exists(Infra.AxePath))
            Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        var page = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(page, "planner");
        await BrowserApp.GotoOkAsync(page, "/console/surveys");
        await AssertAccessibleAsync(page, "/console/surveys");
        await page.GetByRole(AriaRole.Link, new() { Name = "2026 年第四季度社区活动需求调研", Exact = true }).ClickAsync();
        await Expect(page.Locator("#stat-responses")).ToHaveTextAsync("40");
        await Expect(page.Locator(".survey-chart[data-rendered='true'] canvas").First).ToBeVisibleAsync();
        Assert.Equal(3, await page.Locator(".survey-chart[data-rendered='true']").CountAsync());
        await Expect(page.Locator("#evidence-text")).ToContainTextAsync("40");
        await AssertAccessibleAsync(page, "survey results");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("survey-results-zh-CN"), FullPage = true });

        await BrowserApp.GotoOkAsync(page, "/console/surveys/builder");
        await page.FillAsync("#title", "浏览器测试问卷");
        await page.FillAsync("#q0-text", "你喜欢哪种形式？");
        await page.FillAsync("#q0-options", "直播\n问答");
        await page.SelectOptionAsync("#add-type", "Rating");
        await page.ClickAsync("#add-question");
        await Expect(page.Locator("#q1-text")).ToBeFocusedAsync();
        await Expect(page.Locator("#q0-options")).ToHaveValueAsync("直播\n问答");
        await AssertAccessibleAsync(page, "survey builder");
        await page.ClickAsync("#save-survey");
        await Expect(page.Locator(".field-error").First).ToBeVisibleAsync(); // the rating question has no text yet
        await page.FillAsync("#q1-text", "总体评分");
        await page.ClickAsync("#save-survey");
        await Expect(page.Locator("#survey-status")).ToHaveTextAsync("草稿");

        var member = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(member, "member9");
        await BrowserApp.GotoOkAsync(member, "/me/surveys");
        await AssertAccessibleAsync(member, "/me/surveys");
        await member.GetByRole(AriaRole.Link, new() { Name = "2027 年社区活动主题征集", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(member, "survey answer page");
        await member.ClickAsync("#survey-submit");
        await Expect(member.Locator("#survey-error")).ToBeVisibleAsync();
        await AssertAccessibleAsync(member, "survey answer page with errors");
        await member.CheckAsync("#q0-0");
        await member.CheckAsync("#q1-2");
        await member.CheckAsync("#q2-5");
        await member.FillAsync("#q3-text", "希望多办读书会");
        await member.ClickAsync("#survey-submit");
        await Expect(member.Locator("#survey-answered")).ToBeVisibleAsync();

        await BrowserApp.GotoOkAsync(member, "/me/feedback");
        await AssertAccessibleAsync(member, "/me/feedback");
        await BrowserApp.GotoOkAsync(page, "/console/feedback");
        await AssertAccessibleAsync(page, "/console/feedback");
    }

    private static async Task AssertAccessibleAsync(IPage page, string path)
    {
        await page.AddScriptTagAsync(new() { Path = Infra.AxePath });
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        Assert.True(violations.GetArrayLength() == 0, $"WCAG 2.1 AA violations on {path}:\n" +
            string.Join("\n", violations.EnumerateArray().Select(v => v.GetString())));
    }
}
