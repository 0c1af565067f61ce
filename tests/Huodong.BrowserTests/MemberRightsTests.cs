using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huodong.BrowserTests;

/// <summary>
/// PIPL in the browser: on their profile a member downloads a copy of their data, then erases their account with
/// their password (a wrong one is refused in place), is signed out, and cannot sign in again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberRightsTests(BrowserApp app)
{
    [Fact]
    public async Task A_member_downloads_their_data_and_erases_their_account()
    {
        const string account = "member199";
        var page = await app.NewPageAsync("en");
        await app.SignInAsync(page, account);
        await BrowserApp.GotoOkAsync(page, "/me/profile");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-my-data"));
        var json = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains($"\"email\":\"{account}@demo.huodong\"", json);

        await page.ClickAsync("#erase-account summary");
        await page.FillAsync("#erase-password", "not-my-password");
        await page.ClickAsync("#erase-submit");
        await Expect(page.Locator("#erase-password-error")).ToHaveTextAsync("The password is not correct.");

        await page.FillAsync("#erase-password", BrowserApp.DemoPassword);
        await page.ClickAsync("#erase-submit");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.GetByText("Your account is erased. Thank you for taking part.")).ToBeVisibleAsync();

        await BrowserApp.GotoOkAsync(page, "/account/login");
        await page.FillAsync("#email", $"{account}@demo.huodong");
        await page.FillAsync("#password", BrowserApp.DemoPassword);
        await page.ClickAsync("#sign-in");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.Context.CloseAsync();
    }
}
