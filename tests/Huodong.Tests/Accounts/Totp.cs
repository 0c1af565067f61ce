using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Huodong.Tests.Accounts;

/// <summary>
/// RFC 6238 TOTP as an authenticator app computes it (HMAC-SHA1, 30-second steps, 6 digits), written here from the RFC
/// rather than borrowed from Identity, so the tests prove the server agrees with any app.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var step = at.ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    public static string Now(string base32Key) => Code(base32Key, DateTimeOffset.UtcNow);

    /// <summary>The code <paramref name="steps"/> steps ahead: still accepted (clock drift), and later than any used
    /// before, since each code works once.</summary>
    public static string Ahead(string base32Key, int steps = 1) => Code(base32Key, DateTimeOffset.UtcNow.AddSeconds(30 * steps));

    /// <summary>A well-formed code that is not the current one (nor one step either side).</summary>
    public static string Wrong(string base32Key)
    {
        var near = Enumerable.Range(-2, 5).Select(i => Code(base32Key, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => (123456 + i * 7919 % 1_000_000).ToString("D6")).First(c => !near.Contains(c));
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
