using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// B2.1–B2.3 in the browser: a planner records an expense of the Ended demo lottery with a voucher and submits it;
/// Finance approves it from the inbox; the settlement page counts it in the actual spend. Each page passes axe-core
/// (WCAG 2.1 AA).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BudgetTests(BrowserApp app)
{
    private const string RunAxe = """
        async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
          .violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))
        """;

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_planner_records_an_expense_with_a_voucher_finance_approves_it_and_the_settlement_counts_it()
    {
        if (!File.Exists(Infra.AxePath))
            Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        var payee = $"快递公司 {Guid.NewGuid():N}"[..16];
        var page = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(page, "planner");
        await BrowserApp.GotoOkAsync(page, "/");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = DrawTests.EndedDemoActivity, Exact = true }).First.GetAttributeAsync("href");
        Assert.NotNull(href);
        var settlement = $"/console{href}/settlement";
        await BrowserApp.GotoOkAsync(page, settlement);
        var before = decimal.Parse((await page.Locator("#settlement tr[data-category='Promotion'] td[data-actual]").GetAttributeAsync("data-actual"))!,
            System.Globalization.CultureInfo.InvariantCulture);

        var expenses = $"/console{href}/expenses";
        await BrowserApp.GotoOkAsync(page, expenses);
        await AssertAccessibleAsync(page, expenses);
        await page.SelectOptionAsync("#category", "Promotion");
        await page.FillAsync("#amount", "15.50");
        await page.FillAsync("#payee", payee);
        await page.FillAsync("#purpose", "奖品寄送快递费");
        await page.SetInputFilesAsync("#voucher", new FilePayload { Name = "快递单.png", MimeType = "image/png", Buffer = Png });
        await page.ClickAsync("#record-expense");
        await page.WaitForURLAsync($"**{expenses}");
        var row = page.Locator("#expenses tr", new() { HasText = payee });
        await Expect(row).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(row.Locator("a", new() { HasText = "快递单.png" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("budget-expenses-zh-CN"), FullPage = true });

        var finance = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(finance, "finance");
        await BrowserApp.GotoOkAsync(finance, "/console/finance");
        await AssertAccessibleAsync(finance, "/console/finance");
        var item = finance.Locator("section[aria-labelledby='decide-heading'] article", new() { HasText = payee });
        // The form posts back to the same URL: wait for that navigation itself, not for a URL the page already has.
        await finance.RunAndWaitForNavigationAsync(() => item.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync());
        await Expect(finance.Locator("section[aria-labelledby='decide-heading'] article", new() { HasText = payee })).ToHaveCountAsync(0);
        // Approved and below the Leader's threshold: it now waits for payment.
        await Expect(finance.Locator("section[aria-labelledby='pay-heading'] article", new() { HasText = payee })).ToBeVisibleAsync();

        await BrowserApp.GotoOkAsync(finance, "/console/finance/ledger?Status=Approved");
        await Expect(finance.Locator("#expenses tr", new() { HasText = payee })).ToHaveAttributeAsync("data-status", "Approved");
        await AssertAccessibleAsync(finance, "/console/finance/ledger");

        await BrowserApp.GotoOkAsync(page, settlement);
        await Expect(page.Locator("#settlement tr[data-category='Promotion'] td[data-actual]"))
            .ToHaveAttributeAsync("data-actual", (before + 15.50m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await AssertAccessibleAsync(page, settlement);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("budget-settlement-zh-CN"), FullPage = true });
    }

    private static async Task AssertAccessibleAsync(IPage page, string path)
    {
        await page.AddScriptTagAsync(new() { Path = Infra.AxePath });
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        Assert.True(violations.GetArrayLength() == 0, $"WCAG 2.1 AA violations on {path}:\n" +
            string.Join("\n", violations.EnumerateArray().Select(v => v.GetString())));
    }
}
