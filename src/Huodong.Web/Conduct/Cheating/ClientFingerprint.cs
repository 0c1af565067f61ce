using System.Net;
using System.Net.Sockets;
using Huodong.Web.Security;

namespace Huodong.Web.Conduct.Cheating;

/// <summary>
/// The keyed hashes of a request's network and device (see <see cref="ClientTrace"/>). A loopback or unknown address
/// gives no network: behind a local reverse proxy without forwarded headers every member would seem to share one.
/// </summary>
public sealed class ClientFingerprint(FieldProtector protector)
{
    public const string DeviceCookie = "huodong.device";
    private const string NetworkPurpose = "conduct.network", DevicePurpose = "conduct.device";

    public (string? Network, string? Device) Of(HttpContext? http)
    {
        if (http is null) return (null, null);
        var network = NetworkOf(http.Connection.RemoteIpAddress) is { } n ? protector.BlindIndex(n, NetworkPurpose) : null;
        // Only a cookie the client sent back identifies its device; one minted in this very request says nothing yet.
        var device = http.Request.Cookies[DeviceCookie] is { Length: >= 16 and <= 64 } d ? protector.BlindIndex(d, DevicePurpose) : null;
        return (network, device);
    }

    /// <summary>The network prefix as text: /24 for IPv4 (and IPv4-mapped IPv6), /48 for IPv6; null for loopback.</summary>
    public static string? NetworkOf(IPAddress? address)
    {
        if (address is null || IPAddress.IsLoopback(address)) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork) return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        return Convert.ToHexStringLower(bytes, 0, 6) + "::/48";
    }
}

/// <summary>
/// Gives every browser a random, long-lived first-party cookie id (no personal data in it) on page requests, so
/// several accounts used from one device can be told apart from one account; API clients are left alone.
/// </summary>
public sealed class DeviceCookieMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/api") && !http.Request.Cookies.ContainsKey(ClientFingerprint.DeviceCookie))
            http.Response.Cookies.Append(ClientFingerprint.DeviceCookie,
                Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_'),
                new CookieOptions
                {
                    HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps,
                    MaxAge = TimeSpan.FromDays(730), Path = "/",
                });
        return next(http);
    }
}
