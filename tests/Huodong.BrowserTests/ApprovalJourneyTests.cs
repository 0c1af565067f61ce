using System.Text.Json;
using System.Text.Json.Serialization;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// A1/A2 as a journey in zh-CN (issue 10): the planner submits a complete plan from its page, the community head and
/// then the superior leader each pass it on the six review points from the review page, and the planner's page shows
/// it approved with both reviews in its history. Each review page passes axe-core; screenshots for the README.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApprovalJourneyTests(BrowserApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task A_plan_goes_from_the_planner_through_the_head_and_the_leader_to_approved()
    {
        Infra.RequireAxe();
        var title = $"社区读书打卡周 {Guid.NewGuid().ToString("N")[..6]}";

        var planner = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(planner, "planner");
        var plan = DemoPlans.Complete(DateTimeOffset.UtcNow, title, ActivityFormat.CheckIn, days: 20, durationDays: 7);
        var created = await planner.APIRequest.PostAsync("/api/activities", new()
        {
            Data = JsonSerializer.Serialize(plan, Json),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        });
        Assert.True(created.Status == 201, $"creating the plan answered {created.Status}: {await created.TextAsync()}");
        var id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetString();

        await BrowserApp.GotoOkAsync(planner, $"/console/plans/{id}");
        await planner.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Expect(planner.Locator("main .badge").First).ToContainTextAsync("待负责人审核");

        await Review("head", id!, "journey-head-review-zh-CN");
        await Expect(planner.Locator("main .badge").First).ToContainTextAsync("待负责人审核"); // unchanged until reloaded
        await Review("leader", id!, null);

        await planner.ReloadAsync();
        await Expect(planner.Locator("main .badge").First).ToContainTextAsync("已批准");
        await BrowserApp.GotoOkAsync(planner, $"/console/plans/{id}/history");
        // Submitted, passed by the head, passed by the leader (after the draft's creation, where it is listed).
        await Expect(planner.Locator("#history")).ToContainTextAsync("已批准");
        Assert.InRange(await planner.Locator("#history tbody tr").CountAsync(), 3, 4);
        await Infra.AssertAccessibleAsync(planner, "history");
        await planner.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("journey-approved-history-zh-CN"), FullPage = true });
        await planner.Context.CloseAsync();
    }

    private async Task Review(string account, string id, string? screenshot)
    {
        var page = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(page, account);
        await BrowserApp.GotoOkAsync(page, $"/console/reviews/{id}");
        await Infra.AssertAccessibleAsync(page, $"{account}'s review page");
        var points = page.Locator("fieldset.point input[type='radio'][value='true']");
        Assert.Equal(6, await points.CountAsync());
        for (var i = 0; i < 6; i++) await points.Nth(i).CheckAsync();
        await page.Locator("#point-risks-comment").FillAsync("风险与应对措施完整。");
        if (screenshot is not null) await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath(screenshot), FullPage = false });
        await page.ClickAsync("#decision-pass");
        await page.WaitForURLAsync(url => !url.Contains($"/console/reviews/{id}"));
        await page.Context.CloseAsync();
    }

}
