using System.Net;
using Huodong.Web.Shared;

namespace Huodong.Tests.Api;

/// <summary>S1.1: every response carries the hardening headers; pages allow scripts from this site only.</summary>
public sealed class SecurityHeadersTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/activities")]
    [InlineData("/no-such-page")]
    public async Task Responses_carry_the_hardening_headers(string path)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync(path, Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(SecurityHeaders.Policy, csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_scripts_the_policy_would_block()
    {
        using var client = app.Anonymous();
        var html = await (await client.GetAsync("/", Ct)).Content.ReadAsStringAsync(Ct);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.All(document.Scripts, s => Assert.True(s.Source is { Length: > 0 } || s.Type == "application/json",
            $"inline script: {s.Text[..Math.Min(80, s.Text.Length)]}"));
        Assert.Empty(document.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal))));
    }
}
