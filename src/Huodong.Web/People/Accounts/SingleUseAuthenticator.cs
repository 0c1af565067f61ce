using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Huodong.Web.People.Accounts;

/// <summary>
/// Identity's authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, a minute either side for clock
/// drift), each usable once (ASVS 5.0 V6.5.1): the last accepted time step is kept with the account's tokens, and a
/// code of that step or an earlier one is refused, so a code seen over a shoulder or in a log cannot be replayed.
/// </summary>
public sealed class SingleUseAuthenticator(TimeProvider time) : AuthenticatorTokenProvider<AppUser>
{
    public const string Name = "HuodongAuthenticator";
    private const string Store = "[Huodong]";
    private const string LastStep = "TotpLastStep";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var secret = Base32(key);
        var now = time.GetUtcNow().ToUnixTimeSeconds() / 30;
        long? matched = null;
        for (var step = now - 2; step <= now + 2 && matched is null; step++)
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
                matched = step;
        if (matched is not { } accepted) return false;

        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStep), out var l) ? l : long.MinValue;
        if (accepted <= last) return false;
        await manager.SetAuthenticationTokenAsync(user, Store, LastStep, accepted.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) continue;
            buffer = (buffer << 5) | value;
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
