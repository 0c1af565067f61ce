using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Huodong.Web.Security;

/// <summary>
/// Per-field authenticated encryption of personal data (S2.2, DESIGN.md principle 5): AES-256-GCM with a random
/// 96-bit nonce, the field's purpose as associated data (a phone cannot be pasted into a name column), and the key
/// id inside the value — <c>v1:{keyId}:{base64(nonce ‖ ciphertext ‖ tag)}</c> — so keys can rotate. Lookups and
/// duplicate checks use a keyed hash of the normalised value (a blind index) made with a separate key.
/// </summary>
public sealed class FieldProtector(KeyRing ring)
{
    private const string Version = "v1";
    private const int NonceSize = 12, TagSize = 16;

    /// <summary>Where the keys come from: the key file's path, or configuration.</summary>
    public string Source => ring.KeyFile ?? "configuration";

    public string Encrypt(string plaintext, string purpose)
    {
        var (keyId, key) = ring.Active;
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length),
            Aad(keyId, purpose));
        return $"{Version}:{keyId}:{Convert.ToBase64String(output)}";
    }

    public string Decrypt(string stored, string purpose)
    {
        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Version) throw new CryptographicException("Not a protected value.");
        if (!ring.TryGetKey(parts[1], out var key))
            throw new CryptographicException($"Key '{parts[1]}' is not in the key ring.");
        var data = Convert.FromBase64String(parts[2]);
        if (data.Length < NonceSize + TagSize) throw new CryptographicException("Protected value is truncated.");
        var length = data.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, length), data.AsSpan(NonceSize + length), plain,
            Aad(parts[1], purpose));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// For columns that held plaintext before they were encrypted (plan content, review comments): a value that is not
    /// in the protected form is returned as it is, until the re-encryption job (<see cref="Reencryption"/>) seals it.
    /// A value in the protected form with a known key must decrypt: tampering still fails.
    /// </summary>
    public string DecryptOrLegacy(string stored, string purpose) =>
        IsProtected(stored) ? Decrypt(stored, purpose) : stored;

    /// <summary>Whether <paramref name="stored"/> is a protected value with a key id this ring knows.</summary>
    public bool IsProtected(string stored) =>
        stored.Split(':', 3) is [Version, var id, var data] && data.Length > 0 && ring.TryGetKey(id, out _);

    /// <summary>
    /// The value sealed with the active key, or null when it already is. Legacy plaintext is sealed only when
    /// <paramref name="legacyPlaintext"/> allows it; otherwise an unprotected value is an error.
    /// </summary>
    public string? Reseal(string stored, string purpose, bool legacyPlaintext)
    {
        var protectedValue = IsProtected(stored);
        if (protectedValue && KeyIdOf(stored) == ring.ActiveKeyId) return null;
        if (!protectedValue && !legacyPlaintext) throw new CryptographicException("Not a protected value.");
        return Encrypt(protectedValue ? Decrypt(stored, purpose) : stored, purpose);
    }

    /// <summary>The key id a stored value was written with (for rotation).</summary>
    public static string? KeyIdOf(string stored) => stored.Split(':', 3) is [Version, var id, _] ? id : null;

    /// <summary>Keyed hash (HMAC-SHA256, hex) of an already normalised value, namespaced by purpose.</summary>
    public string BlindIndex(string normalised, string purpose) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(ring.IndexKey, Encoding.UTF8.GetBytes(purpose + "\n" + normalised)));

    private static byte[] Aad(string keyId, string purpose) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"huodong:{Version}:{keyId}:{purpose}"));
}
