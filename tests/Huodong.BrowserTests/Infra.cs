namespace Huodong.BrowserTests;

/// <summary>
/// Where the things the browser tests need live, and what to do when one is missing: skip with the reason on a
/// developer's machine, fail under <c>HUODONG_REQUIRE_INFRA=1</c> (CI), so a missing install cannot pass as green.
/// </summary>
public static class Infra
{
    public static bool Required => Environment.GetEnvironmentVariable("HUODONG_REQUIRE_INFRA") == "1";

    /// <summary>Debian's Chromium (<c>apt-get install chromium</c>); <c>HUODONG_CHROMIUM</c> overrides it.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("HUODONG_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The repository root: the first folder above the test binaries that holds <c>Huodong.slnx</c>.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>axe-core as installed by <c>npm ci</c> in this project's folder (package.json beside this file).</summary>
    public static string AxePath => Path.Combine(RepoRoot, "tests", "Huodong.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Skips the current test with <paramref name="reason"/>, or fails it when infrastructure is required.</summary>
    public static void Missing(string reason)
    {
        if (Required) Assert.Fail($"{reason} (HUODONG_REQUIRE_INFRA=1, so this fails instead of skipping)");
        Assert.Skip(reason);
    }

    /// <summary>Skips (or, under CI, fails) the calling test when axe-core is not installed.</summary>
    public static void RequireAxe()
    {
        if (!File.Exists(AxePath)) Missing($"axe-core is not installed at {AxePath} (run npm ci in tests/Huodong.BrowserTests)");
    }

    private const string RunAxe = """
        async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
          .violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))
        """;

    /// <summary>Runs axe-core on the page as it is now and fails with every WCAG 2.1 A/AA violation it names.</summary>
    public static async Task AssertAccessibleAsync(Microsoft.Playwright.IPage page, string what)
    {
        await page.AddScriptTagAsync(new() { Path = AxePath });
        var violations = await page.EvaluateAsync<string[]>(RunAxe);
        Assert.True(violations.Length == 0, $"{what}: {string.Join("\n", violations)}");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Huodong.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Huodong.slnx above {AppContext.BaseDirectory}.");
    }
}
