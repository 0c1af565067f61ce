using Microsoft.Playwright;

namespace Huodong.BrowserTests;

/// <summary>
/// Renders the pages the documentation shows and saves them as PNGs in <c>docs/screenshots/</c>: the reviewer's
/// inbox, review page, the plan editor and the readiness page in both languages, the console's plan list, the
/// moderation queue and the portal home.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserApp app)
{
    private static readonly string[] Cultures = ["zh-CN", "en"];

    [Fact]
    public async Task Saves_the_documentation_screenshots()
    {
        var problems = new List<string>();
        async Task Shoot(string name, string? account, string culture, Func<IPage, Task<string>> path)
        {
            var page = await app.NewPageAsync(culture);
            try
            {
                if (account is not null) await app.SignInAsync(page, account);
                await BrowserApp.GotoOkAsync(page, await path(page));
                await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath(name), FullPage = true });
            }
            catch (Exception ex) when (ex is PlaywrightException or Xunit.Sdk.XunitException or InvalidOperationException)
            {
                problems.Add($"{name}: {ex.Message.Split('\n')[0]}");
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }

        foreach (var culture in Cultures)
        {
            // A plan in HeadReview: the first entry of the community head's inbox.
            await Shoot($"review-{culture}", "head", culture, async page =>
            {
                await BrowserApp.GotoOkAsync(page, "/console/reviews");
                var href = await page.Locator("#review-inbox a[href*='/console/reviews/']").First.GetAttributeAsync("href");
                return href ?? throw new InvalidOperationException("The review inbox has no link to a review.");
            });
            await Shoot($"inbox-{culture}", "head", culture, _ => Task.FromResult("/console/reviews"));
            await Shoot($"editor-{culture}", "planner", culture, _ => Task.FromResult("/console/plans/new"));
        }
        await Shoot("console-plans", "planner", "zh-CN", _ => Task.FromResult("/console/plans"));
        await Shoot("portal-home", null, "zh-CN", _ => Task.FromResult("/"));
        // The upcoming demo activity half prepared: the gate says what blocks the launch and what the scheduler will do.
        foreach (var culture in Cultures)
            await Shoot($"readiness-{culture}", "planner", culture, async page => $"/console{await ParticipationTests.DemoActivityPathAsync(page)}/readiness");
        await Shoot("moderation-queue", "moderator", "zh-CN", _ => Task.FromResult("/console/moderation"));

        Assert.True(problems.Count == 0, "Screenshots not taken:\n" + string.Join("\n", problems));
    }
}
