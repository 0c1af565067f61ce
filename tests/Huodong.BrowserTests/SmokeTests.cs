using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>The mandatory end-to-end smoke: a planner drafts a plan, a community head opens the review inbox.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserApp app)
{
    [Fact]
    public async Task Planner_creates_a_plan_and_sees_it_listed_and_head_sees_the_review_inbox()
    {
        var title = $"Smoke plan {Guid.NewGuid().ToString("N")[..8]}";

        var planner = await app.NewPageAsync();
        await app.SignInAsync(planner, "planner");
        await Expect(planner).ToHaveURLAsync(new Regex("/console/plans/?$"));
        await planner.Locator("a[href$='/console/plans/new']").First.ClickAsync();
        await planner.WaitForURLAsync("**/console/plans/new");
        await planner.FillAsync("#plan-title", title);
        // A business goal and the expected benefit (V1.3, V1.4) travel with the plan.
        await planner.FillAsync("input[name='Plan.Goals[0].Name']", "新增关注");
        await planner.FillAsync("input[name='Plan.Goals[0].Target']", "500");
        await planner.FillAsync("input[name='Plan.BenefitValue']", "1200");
        await planner.ClickAsync("#save-plan");
        // The editor shows the saved plan at /console/plans/{id} or goes back to the list.
        await planner.WaitForURLAsync(url =>
        {
            var path = new Uri(url).AbsolutePath.TrimEnd('/');
            return path.StartsWith("/console/plans", StringComparison.OrdinalIgnoreCase)
                && !path.EndsWith("/console/plans/new", StringComparison.OrdinalIgnoreCase);
        });
        await planner.ReloadAsync();
        await Expect(planner.Locator("input[name='Plan.Goals[0].Name']")).ToHaveValueAsync("新增关注");
        await Expect(planner.Locator("input[name='Plan.BenefitValue']")).ToHaveValueAsync(new Regex("^1200(\\.00)?$"));
        await BrowserApp.GotoOkAsync(planner, "/console/plans");
        await Expect(planner.Locator("#plans")).ToContainTextAsync(title);
        await planner.Context.CloseAsync();

        var head = await app.NewPageAsync();
        await app.SignInAsync(head, "head");
        await BrowserApp.GotoOkAsync(head, "/console/reviews");
        await Expect(head.Locator("#review-inbox")).ToBeVisibleAsync();
        await head.Context.CloseAsync();
    }
}
