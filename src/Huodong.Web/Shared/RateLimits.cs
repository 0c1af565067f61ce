using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Huodong.Web.Shared;

/// <summary><c>RateLimits:*</c> (API.md "Set-up"): requests per minute per account, per network address, and sign-ins.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Requests a minute for a signed-in account, whatever address it comes from.</summary>
    public int PerAccountPerMinute { get; set; } = 600;
    /// <summary>Requests a minute from one network address when nobody is signed in.</summary>
    public int PerAddressPerMinute { get; set; } = 300;
    /// <summary>Sign-in attempts a minute from one network address (password guessing).</summary>
    public int SignInsPerMinute { get; set; } = 10;
}

/// <summary>
/// G3.3: too many requests get 429 with <c>Retry-After</c> and a problem in the caller's language. Counted per account
/// when the caller is signed in and per network address otherwise, plus a tighter count on sign-ins per address.
/// The counts are per instance (a fixed window in memory): a limit on abuse, not a quota anyone is billed by.
/// </summary>
public static class RateLimits
{
    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (http.Request.Path.StartsWithSegments("/api"))
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = { Status = StatusCodes.Status429TooManyRequests },
                    });
            };
            if (!options.Enabled) return;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    // The error page a refused page request is re-executed to must itself get through.
                    if (http.Request.Path.StartsWithSegments("/error")) return RateLimitPartition.GetNoLimiter("");
                    var account = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
                    return account is not null
                        ? Window("account:" + account, options.PerAccountPerMinute)
                        : Window("address:" + AddressOf(http), options.PerAddressPerMinute);
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignIn(http)
                    ? Window("sign-in:" + AddressOf(http), options.SignInsPerMinute)
                    : RateLimitPartition.GetNoLimiter("")));
        });
    }

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static bool IsSignIn(HttpContext http) => HttpMethods.IsPost(http.Request.Method)
        && (http.Request.Path.StartsWithSegments("/api/auth/login") || http.Request.Path.StartsWithSegments("/account/login"));
}
