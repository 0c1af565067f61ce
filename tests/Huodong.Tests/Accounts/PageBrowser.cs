using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Huodong.Tests.Accounts;

/// <summary>A cookie-keeping client that fills in forms like a browser: it reads the antiforgery token off the page
/// before posting, and does not follow redirects, so a test sees where it is sent.</summary>
public sealed class PageBrowser(TestApp app) : IDisposable
{
    private readonly HttpClient _client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<HttpResponseMessage> Get(string url, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await _client.SendAsync(request, Ct);
    }

    public async Task<string> Html(string url, string? language = null)
    {
        var response = await Get(url, language);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Opens <paramref name="page"/> and posts its form (to <paramref name="handler"/>, if named) with <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> Post(string page, Dictionary<string, string> fields, string? handler = null)
    {
        var html = await Html(page);
        var at = html.IndexOf("name=\"__RequestVerificationToken\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{page} has a form with an antiforgery token");
        var value = html.IndexOf("value=\"", at, StringComparison.Ordinal) + 7;
        fields["__RequestVerificationToken"] = html[value..html.IndexOf('"', value)];
        var path = page.Split('?')[0];
        var query = page.Contains('?') ? page[(page.IndexOf('?') + 1)..] : "";
        if (handler is not null) query = query.Length == 0 ? "handler=" + handler : query + "&handler=" + handler;
        return await _client.PostAsync(query.Length == 0 ? path : path + "?" + query, new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>The password step of the sign-in page; answers where it sends the browser.</summary>
    public async Task<string> SignIn(string email, string password = TestApp.DemoPassword)
    {
        var response = await Post("/account/login", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Where a GET of <paramref name="url"/> is redirected, or null when it answers 200.</summary>
    public async Task<string?> RedirectOf(string url)
    {
        var response = await Get(url);
        if (response.StatusCode == HttpStatusCode.OK) return null;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {url} answered {(int)response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }

    public void Dispose() => _client.Dispose();
}
