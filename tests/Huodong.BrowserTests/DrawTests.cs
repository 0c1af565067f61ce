using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// G3.2 / E3.1 in the browser: the planner commits and reveals a draw of the Ended demo lottery from the console,
/// then the public draw page's verifier (plain JS, WebCrypto) recomputes the winners and shows a match; a tampered
/// document and the shared test vectors are checked in the page too; both pages pass axe-core (WCAG 2.1 AA).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DrawTests(BrowserApp app)
{
    public const string EndedDemoActivity = "十周年会员幸运抽奖";

    private const string RunAxe = """
        async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
          .violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))
        """;

    [Fact]
    public async Task The_planner_draws_from_the_console_and_the_public_page_verifies_the_winners_in_the_browser()
    {
        if (!File.Exists(Infra.AxePath))
            Infra.Missing($"axe-core is not installed at {Infra.AxePath} (run npm ci in tests/Huodong.BrowserTests)");
        var page = await app.NewPageAsync("zh-CN");
        await app.SignInAsync(page, "planner");
        await BrowserApp.GotoOkAsync(page, "/");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = EndedDemoActivity, Exact = true }).First.GetAttributeAsync("href");
        Assert.NotNull(href);

        var console = $"/console{href}/draws";
        await BrowserApp.GotoOkAsync(page, console);
        await page.SelectOptionAsync("#reward", "幸运奖 智能手环");
        await page.FillAsync("#winners-count", "3");
        await page.FillAsync("#public-entropy", "上证指数 2026-11-20 收盘 3412.56");
        await page.ClickAsync("#create-draw");
        await page.WaitForURLAsync($"**{console}");
        var committed = page.Locator("#draws li[data-status='Committed']").Last;
        await Expect(committed).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, console);

        await committed.Locator("button").ClickAsync();
        await page.WaitForURLAsync($"**{console}");
        var revealed = page.Locator("#draws li[data-status='Revealed']").Last;
        await Expect(revealed.Locator(".draw-winners")).ToBeVisibleAsync();
        var publicHref = await revealed.Locator("a[href^='/draws/']").Last.GetAttributeAsync("href");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("draws-console-zh-CN"), FullPage = true });

        // Anyone (signed out) reads the public page and verifies it.
        var visitor = await app.NewPageAsync("en");
        await BrowserApp.GotoOkAsync(visitor, publicHref!);
        await Expect(visitor.Locator("#winners li")).ToHaveCountAsync(3);
        await visitor.ClickAsync("#verify-draw");
        await Expect(visitor.Locator("#verify-result")).ToHaveAttributeAsync("data-outcome", "match");
        await Expect(visitor.Locator("#verify-checks .draw-check--ok")).ToHaveCountAsync(4);
        await Expect(visitor.Locator("#verify-checks .draw-check--bad")).ToHaveCountAsync(0);

        // The same verifier catches a tampered document: winners reordered, or another seed.
        var tampered = await visitor.EvaluateAsync<string[]>("""
            async () => {
              const doc = JSON.parse(document.getElementById('draw-document').textContent);
              const reordered = { ...doc, winners: [...doc.winners].reverse() };
              const reseeded = { ...doc, seed: '00'.repeat(32) };
              const swapped = { ...doc, entrants: [...doc.entrants.slice(1), 'R999999'] };
              return [(await HuodongDraw.verify(doc)).outcome, (await HuodongDraw.verify(reordered)).outcome,
                      (await HuodongDraw.verify(reseeded)).outcome, (await HuodongDraw.verify(swapped)).outcome];
            }
            """);
        Assert.Equal(["match", "mismatch", "mismatch", "mismatch"], tampered);

        // And it reproduces the vectors computed by the independent Python implementation.
        var vectors = await File.ReadAllTextAsync(Path.Combine(Infra.RepoRoot, "docs", "draw-test-vectors.json"), TestContext.Current.CancellationToken);
        var outcomes = await visitor.EvaluateAsync<string[]>("""
            async (text) => {
              const v = JSON.parse(text);
              const out = [];
              for (const c of v.draws) {
                const r = c.entrantsRange;
                const entrants = c.entrants || Array.from({ length: r.to - r.from + 1 },
                  (_, i) => r.prefix + String(r.from + i).padStart(r.width, '0'));
                const doc = { algorithm: v.algorithm, status: 'Revealed', entrants, entrantsHash: c.entrantsHash,
                  commitment: c.commitment, seed: c.seed, publicEntropy: c.publicEntropy, winnersCount: c.winnersCount, winners: c.winners };
                out.push(c.name + ': ' + (await HuodongDraw.verify(doc)).outcome);
              }
              return out;
            }
            """, vectors);
        Assert.All(outcomes, o => Assert.EndsWith(": match", o));

        // The command-line verifier, given the draw's URL on the running app, agrees.
        var (exit, output) = await RunVerifierAsync($"{app.BaseUrl}/api{publicHref}");
        Assert.True(exit == 0, output);

        await visitor.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("draw-verify-en"), FullPage = true });
        await AssertAccessibleAsync(visitor, publicHref!);
        await page.Context.CloseAsync();
    }

    private static async Task<(int, string)> RunVerifierAsync(string url)
    {
        var start = new System.Diagnostics.ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Infra.RepoRoot, "scripts", "draw_verify.py"));
        start.ArgumentList.Add(url);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private static async Task AssertAccessibleAsync(IPage page, string path)
    {
        await page.AddScriptTagAsync(new() { Path = Infra.AxePath });
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        Assert.True(violations.GetArrayLength() == 0, $"WCAG 2.1 AA violations on {path}:\n" +
            string.Join("\n", violations.EnumerateArray().Select(v => v.GetString())));
    }
}
