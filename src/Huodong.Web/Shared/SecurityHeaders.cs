namespace Huodong.Web.Shared;

/// <summary>
/// S1.1 platform hardening on every response: a strict Content-Security-Policy (scripts only from this site, no
/// inline scripts, no plugins, no framing), no MIME sniffing, no referrer leaking a path with ids to another site.
/// Inline style attributes stay allowed: they carry no code, and charts set styles from script.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            // The interactive API reference (Scalar) configures itself with an inline script; it shows no member data.
            if (!http.Request.Path.StartsWithSegments("/api-docs")) h.ContentSecurityPolicy = Policy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
