using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Huodong.BrowserTests;

/// <summary>
/// WCAG 2.1 AA over each main page with axe-core, in zh-CN (the default culture). Any violation fails the test
/// with a readable list: rule, impact, what to do, and the elements concerned.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app)
{
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          return result.violations.map(v => ({
            id: v.id, impact: v.impact ?? '', help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
          }));
        }
        """;

    [Theory]
    [InlineData("/", null)]
    [InlineData("/account/login", null)]
    [InlineData("/console/plans", "planner")]
    [InlineData("/console/plans/new", "planner")]
    [InlineData("/console/reviews", "head")]
    [InlineData("/me/profile", "member160")]
    [InlineData("/me/notifications", "member161")]
    [InlineData("/console/members", "admin")]
    [InlineData("/console/moderation", "moderator")]
    [InlineData("/console/moderation/terms", "moderator")]
    [InlineData("/me/conduct", "member162")]
    [InlineData("/console/security/reveals", "admin")]
    [InlineData("/console/security/keys", "admin")]
    [InlineData("/console/security/alerts", "admin")]
    public async Task Page_has_no_WCAG_21_AA_violations(string path, string? account)
    {
        var page = await app.NewPageAsync("zh-CN");
        if (account is not null) await app.SignInAsync(page, account);
        await AssertNoViolationsAsync(page, path, account);
    }

    /// <summary>
    /// The participation pages with content on them: the demo activity's page as a member who has not registered
    /// yet (the registration form), and — once a member has registered — that member's activities and the planner's
    /// masked registration list.
    /// </summary>
    [Theory]
    [InlineData("activity", "member151")]
    [InlineData("my-activities", "member152")]
    [InlineData("registrations", "planner")]
    [InlineData("readiness", "planner")]
    public async Task Participation_page_has_no_WCAG_21_AA_violations(string which, string account)
    {
        var registrant = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(registrant, "member152");
        var activity = await ParticipationTests.DemoActivityPathAsync(registrant);
        await ParticipationTests.RegisterThroughApiAsync(registrant, activity);
        await registrant.Context.CloseAsync();

        var page = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(page, account);
        var path = which switch
        {
            "activity" => activity,
            "my-activities" => "/me/activities",
            "readiness" => $"/console{activity}/readiness",
            _ => $"/console{activity}/registrations",
        };
        await AssertNoViolationsAsync(page, path, account);
    }

    private static async Task AssertNoViolationsAsync(IPage page, string path, string? account)
    {
        if (!File.Exists(Infra.AxePath))
            Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        await BrowserApp.GotoOkAsync(page, path);
        Assert.Equal(path, new Uri(page.Url).AbsolutePath); // not silently redirected to the login or an error page

        await page.AddScriptTagAsync(new() { Path = Infra.AxePath });
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        await page.Context.CloseAsync();

        if (violations.GetArrayLength() > 0)
            Assert.Fail(Describe(path, account, violations));
    }

    private static string Describe(string path, string? account, JsonElement violations)
    {
        var text = new StringBuilder($"{violations.GetArrayLength()} WCAG 2.1 AA violation(s) on {path}"
            + (account is null ? "" : $" (signed in as {account})") + ":\n");
        foreach (var v in violations.EnumerateArray())
        {
            text.Append($"- [{v.GetProperty("impact").GetString()}] {v.GetProperty("id").GetString()}: "
                + $"{v.GetProperty("help").GetString()} ({v.GetProperty("helpUrl").GetString()})\n");
            foreach (var node in v.GetProperty("nodes").EnumerateArray().Take(10))
                text.Append($"    {node.GetProperty("target").GetString()}\n      "
                    + node.GetProperty("summary").GetString()!.Replace("\n", "\n      ") + "\n");
            if (v.GetProperty("nodes").GetArrayLength() > 10)
                text.Append($"    … and {v.GetProperty("nodes").GetArrayLength() - 10} more elements\n");
        }
        return text.ToString();
    }
}
