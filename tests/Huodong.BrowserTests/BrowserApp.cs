using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Huodong.BrowserTests;

/// <summary>
/// One real app (Kestrel on a free loopback port, fresh SQLite file, demo data) and one headless Chromium, shared
/// by every browser test; each test opens its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string DemoPassword = "Huodong-Demo-2026";
    public const string CultureCookie = ".Huodong.Culture";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"huodong-browser-{Guid.NewGuid():N}.db");
    private AppFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The app's address, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Why the browser is not there (Chromium not installed), or null when it is.</summary>
    public string? BrowserMissing { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _factory = new AppFactory(_dbFile);
        _factory.UseKestrel(0); // a free port, so parallel runs and other apps on this machine never collide
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/').Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1");

        if (!File.Exists(Infra.ChromiumPath))
        {
            BrowserMissing = $"Chromium is not installed at {Infra.ChromiumPath} (apt-get install -y chromium chromium-driver)";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Infra.ChromiumPath, Headless = true, Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies) in <paramref name="culture"/> (zh-CN or en), through the culture cookie
    /// the language switcher sets. Skips or fails the test when Chromium is missing.
    /// </summary>
    public async Task<IPage> NewPageAsync(string culture = "zh-CN")
    {
        if (_browser is null) Infra.Missing(BrowserMissing ?? "The browser did not start");
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = culture,
            ViewportSize = new() { Width = 1280, Height = 800 },
            BypassCSP = true, // axe-core is injected as an inline script; a strict CSP would block it
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        await context.AddCookiesAsync([new Cookie
        {
            Name = CultureCookie, Value = $"c={culture}|uic={culture}", Url = BaseUrl,
        }]);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login page; staff land on <c>/console/plans</c>.</summary>
    public async Task SignInAsync(IPage page, string account)
    {
        await GotoOkAsync(page, "/account/login");
        await page.FillAsync("#email", $"{account}@demo.huodong");
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("#sign-in");
        try
        {
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"Signing in as {account}@demo.huodong did not leave the login page ({page.Url}).");
        }
    }

    /// <summary>Navigates to <paramref name="path"/> and fails fast, with the status, unless the page answered 2xx.</summary>
    public static async Task<IResponse> GotoOkAsync(IPage page, string path)
    {
        IResponse? response;
        try
        {
            response = await page.GotoAsync(path);
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("ERR_HTTP_RESPONSE_CODE_FAILURE"))
        {
            // Chromium refuses error answers without a body; ask again outside the page to name the status.
            var again = await page.Context.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });
            throw new Xunit.Sdk.XunitException($"GET {path} answered {again.Status} {again.StatusText} (empty error page)");
        }
        Assert.True(response is not null, $"GET {path} gave no response");
        Assert.True(response.Ok, $"GET {path} answered {response.Status} {response.StatusText} (at {page.Url})");
        return response;
    }

    /// <summary>A file in the repository's <c>docs/screenshots/</c> folder (created when missing).</summary>
    /// <summary>
    /// Where a screenshot goes: docs/screenshots/ when <c>HUODONG_SCREENSHOTS=1</c> (to refresh the documentation),
    /// else a temporary folder, so an ordinary test run leaves the work tree clean.
    /// </summary>
    public static string ScreenshotPath(string name)
    {
        var dir = Environment.GetEnvironmentVariable("HUODONG_SCREENSHOTS") == "1"
            ? Path.Combine(Infra.RepoRoot, "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "huodong-screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_dbFile + suffix); } catch (IOException) { }
    }
}

/// <summary>The app in Development with its own SQLite file and the demo data.</summary>
internal sealed class AppFactory(string dbFile) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder web) => web
        .UseEnvironment("Development")
        .UseSetting("ConnectionStrings:Huodong", $"Data Source={dbFile}")
        .UseSetting("Database:Provider", "Sqlite")
        .UseSetting("Demo:Seed", "true")
        .UseSetting("Demo:Password", BrowserApp.DemoPassword)
        .UseSetting("RateLimits:Enabled", "false")
        .UseSetting("Logging:LogLevel:Default", "Warning")
        .UseSetting("Logging:LogLevel:Microsoft", "Warning");
}

/// <summary>All browser tests share one app and one browser and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
