using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Huodong.Web.Rewards;

/// <summary>
/// huodong-draw-v1 exactly as ../shared/DRAW.md defines it, with no dependency on the rest of the app so that it
/// can be read beside the specification. scripts/draw_verify.py is an independent implementation of the same
/// text; the vectors it computed (docs/draw-test-vectors.json) pin this one.
/// </summary>
public static class DrawProtocol
{
    public const string Algorithm = "huodong-draw-v1";
    public const int SeedSize = 32;

    /// <summary>A fresh secret seed from the operating system's CSPRNG.</summary>
    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedSize);

    /// <summary>The published order of the entrants: distinct, sorted by their UTF-8 bytes (not UTF-16 code units).</summary>
    public static List<string> CanonicalOrder(IEnumerable<string> codes)
    {
        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        list.Sort(CompareUtf8);
        return list;
    }

    public static bool IsCanonical(IReadOnlyList<string> entrants)
    {
        for (var i = 1; i < entrants.Count; i++)
            if (CompareUtf8(entrants[i - 1], entrants[i]) >= 0) return false;
        return true;
    }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 codes joined with "\n" (no trailing newline).</summary>
    public static string EntrantsHash(IReadOnlyList<string> entrants) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', entrants))));

    /// <summary>Lowercase hex SHA-256 of the 32 seed bytes.</summary>
    public static string Commitment(ReadOnlySpan<byte> seed)
    {
        CheckSeed(seed);
        return Convert.ToHexStringLower(SHA256.HashData(seed));
    }

    /// <summary>key = SHA-256(seed ‖ UTF-8(publicEntropy) ‖ ASCII(entrantsHash)).</summary>
    public static byte[] Key(ReadOnlySpan<byte> seed, string publicEntropy, string entrantsHash)
    {
        CheckSeed(seed);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(seed);
        sha.AppendData(Encoding.UTF8.GetBytes(publicEntropy));
        sha.AppendData(Encoding.ASCII.GetBytes(entrantsHash));
        return sha.GetHashAndReset();
    }

    /// <summary>
    /// The winners, rank 1 first: Fisher–Yates from the end of a copy of <paramref name="entrants"/> (which must be
    /// in the published, canonical order), each j = uniform(i+1), then the first <paramref name="winnersCount"/>.
    /// </summary>
    public static List<string> Winners(IReadOnlyList<string> entrants, ReadOnlySpan<byte> seed, string publicEntropy,
        int winnersCount) => Shuffle(entrants, seed, publicEntropy, winnersCount, out _);

    /// <summary><see cref="Winners"/>, also telling how many counter values the draw used (for the test vectors).</summary>
    public static List<string> Shuffle(IReadOnlyList<string> entrants, ReadOnlySpan<byte> seed, string publicEntropy,
        int winnersCount, out ulong counter)
    {
        if (!IsCanonical(entrants))
            throw new ArgumentException("Entrants must be distinct and in UTF-8 byte order.", nameof(entrants));
        if (winnersCount < 1 || winnersCount > entrants.Count)
            throw new ArgumentOutOfRangeException(nameof(winnersCount), "1 ≤ k ≤ number of entrants.");
        var uniform = new Uniform(Key(seed, publicEntropy, EntrantsHash(entrants)));
        var a = entrants.ToArray();
        for (var i = a.Length - 1; i >= 1; i--)
        {
            var j = (int)uniform.Next((ulong)i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
        counter = uniform.Counter;
        return a[..winnersCount].ToList();
    }

    /// <summary>
    /// uniform(m): r = first 8 bytes (big-endian) of HMAC-SHA256(key, "huodong-draw-v1:" + decimal(c)) for the next
    /// counter value c; accepted when r &lt; ⌊2^64/m⌋·m (so every residue is equally likely), else the next counter.
    /// One instance, so one counter, per draw.
    /// </summary>
    public sealed class Uniform(byte[] key)
    {
        private readonly byte[] _key = key.ToArray();

        /// <summary>The next counter value to use: the number of attempts so far.</summary>
        public ulong Counter { get; private set; }

        public ulong Rejections { get; private set; }

        public ulong Next(ulong m)
        {
            ArgumentOutOfRangeException.ThrowIfZero(m);
            // ⌊2^64/m⌋·m computed without 2^64: 2^64 mod m = (2^64 − m) mod m = (0 − m) mod m in ulong arithmetic.
            var tail = (0UL - m) % m;
            var limit = 0UL - tail; // 2^64 − (2^64 mod m), i.e. ⌊2^64/m⌋·m; 0 stands for 2^64 when m divides 2^64
            Span<byte> mac = stackalloc byte[32];
            while (true)
            {
                var message = Encoding.UTF8.GetBytes(Algorithm + ":" + Counter.ToString(CultureInfo.InvariantCulture));
                Counter++;
                HMACSHA256.HashData(_key, message, mac);
                var r = BinaryPrimitives.ReadUInt64BigEndian(mac);
                if (tail == 0 || r < limit) return r % m;
                Rejections++;
            }
        }
    }

    private static int CompareUtf8(string? x, string? y) =>
        Encoding.UTF8.GetBytes(x ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? ""));

    private static void CheckSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize) throw new ArgumentException("A seed is 32 bytes.", nameof(seed));
    }
}
