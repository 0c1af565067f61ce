using System.Net;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Security;

namespace Huodong.Tests.Security;

public abstract partial class SecurityAlertsApiTests
{
    [Fact]
    public async Task Failed_sign_ins_on_the_sign_in_page_count_for_known_and_unknown_accounts_alike()
    {
        foreach (var email in new[] { $"member160@{TestApp.Domain}", $"ghost-{Guid.NewGuid():N}@example.com" })
        {
            for (var i = 0; i < 5; i++)
            {
                using var browser = FromAddress("100.64.9.20");
                var (token, cookie) = await Antiforgery(browser);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["Email"] = email, ["Password"] = "wrong-password-12", ["__RequestVerificationToken"] = token,
                    }),
                };
                request.Headers.Add("Cookie", cookie);
                var page = await browser.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode); // the form again, with its message
            }
            var alert = Assert.Single(await Alerts("open"), a => a.Kind == "FailedSignInsAccount" && a.Subject == PersonalData.MaskEmail(email));
            Assert.Equal(5, alert.Count);
        }
    }

    private async Task<(string Token, string Cookie)> Antiforgery(HttpClient browser)
    {
        var response = await browser.GetAsync("/account/login", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        var at = page.IndexOf("name=\"__RequestVerificationToken\"", StringComparison.Ordinal);
        var value = page.IndexOf("value=\"", at, StringComparison.Ordinal) + 7;
        return (page[value..page.IndexOf('"', value)], cookie[..cookie.IndexOf(';')]);
    }
}
