using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// M2 and E2.3 end to end in the browser: a member registers for the approved demo activity and asks a question;
/// a planner answers it from the console; the member sees the organisers' official answer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ParticipationTests(BrowserApp app)
{
    public const string DemoActivity = "新品发布直播互动";

    [Fact]
    public async Task A_member_registers_and_asks_and_a_planner_answers_from_the_console()
    {
        var question = $"直播会提供回放吗？（{Guid.NewGuid().ToString("N")[..6]}）";
        var answer = $"会的，直播结束后一小时内上线回放。（{Guid.NewGuid().ToString("N")[..6]}）";

        // The member finds the activity on the portal home, registers and asks.
        var member = await app.NewPageAsync("en");
        await app.SignInAsync(member, "member120");
        await BrowserApp.GotoOkAsync(member, "/");
        await member.GetByRole(AriaRole.Link, new() { Name = DemoActivity, Exact = true }).ClickAsync();
        await member.WaitForURLAsync(new Regex("/activities/[0-9a-f-]{36}$"));
        var activityPath = new Uri(member.Url).AbsolutePath;
        var id = activityPath.Split('/')[^1];

        await member.Locator("#register-form").GetByLabel("Real name").FillAsync("王小明");
        await member.Locator("#register-form").GetByLabel("Mobile phone").FillAsync("13800138000");
        await member.ClickAsync("#register");
        await Expect(member.Locator("#registration-status")).ToContainTextAsync("Confirmed");
        await Expect(member.Locator("#register-form")).ToHaveCountAsync(0);

        await member.FillAsync("#comment-body", question);
        await member.CheckAsync("#is-question");
        await member.ClickAsync("#post-comment");
        var asked = member.Locator("article.comment--question", new() { HasText = question });
        await Expect(asked).ToContainTextAsync("Waiting for an answer");

        // The planner answers it from the activity's console, oldest question first.
        var planner = await app.NewPageAsync("en");
        await app.SignInAsync(planner, "planner");
        await BrowserApp.GotoOkAsync(planner, $"/console/activities/{id}/questions");
        var item = planner.Locator("li.question", new() { HasText = question });
        await Expect(item).ToHaveCountAsync(1);
        await item.Locator("textarea[id^='answer-']").FillAsync(answer);
        await item.Locator("button.answer").ClickAsync();
        await planner.WaitForURLAsync($"**/console/activities/{id}/questions");
        await Expect(planner.Locator("li.question", new() { HasText = question })).ToHaveCountAsync(0);
        await planner.Context.CloseAsync();

        // The member looks again and sees the official answer under the question, which is now answered.
        await member.ReloadAsync();
        var official = member.Locator("article.comment--official", new() { HasText = answer });
        await Expect(official).ToBeVisibleAsync();
        await Expect(official).ToContainTextAsync("Official answer");
        await Expect(member.Locator("article.comment--question", new() { HasText = question })).ToContainTextAsync("Answered");
        await member.Context.CloseAsync();
    }

    /// <summary>The demo activity's page, read from the portal home the way a member finds it.</summary>
    public static async Task<string> DemoActivityPathAsync(IPage page)
    {
        await BrowserApp.GotoOkAsync(page, "/");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = DemoActivity, Exact = true }).GetAttributeAsync("href");
        Assert.NotNull(href);
        return href;
    }

    /// <summary>Registers the signed-in member of <paramref name="page"/> through the API, with the page's own cookies.</summary>
    internal static async Task RegisterThroughApiAsync(IPage page, string activityPath)
    {
        var response = await page.APIRequest.PostAsync($"/api{activityPath}/registrations", new()
        {
            DataObject = new { realName = "赵六", phone = "13700137000" },
        });
        Assert.True(response.Status is 201 or 409, $"registering answered {response.Status}: {await response.TextAsync()}");
    }
}
