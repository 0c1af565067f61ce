using System.Security.Cryptography;
using System.Text;

namespace Huodong.Web.Conduct.Filter;

/// <summary>
/// Fingerprints of normalized text for flood detection: an exact hash, and a 64-bit SimHash over character
/// bigrams, so that near-identical posts (a character changed, an emoji added) land a few bits apart.
/// </summary>
public static class Fingerprint
{
    public static long Exact(string normalized) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)), 0);

    public static long SimHash(string normalized)
    {
        if (normalized.Length < 2) return Exact(normalized);
        Span<int> weights = stackalloc int[64];
        for (var i = 0; i + 1 < normalized.Length; i++)
        {
            var h = Hash64(normalized[i], normalized[i + 1]);
            for (var bit = 0; bit < 64; bit++) weights[bit] += ((h >> bit) & 1) == 1 ? 1 : -1;
        }
        long result = 0;
        for (var bit = 0; bit < 64; bit++) if (weights[bit] > 0) result |= 1L << bit;
        return result;
    }

    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount((ulong)(a ^ b));

    /// <summary>Near-identical: the same text, or (for text long enough to judge) SimHashes at most 6 bits apart.</summary>
    public static bool Similar(long exactA, long simA, long exactB, long simB, int length) =>
        exactA == exactB || (length >= 16 && Distance(simA, simB) <= 6);

    private static ulong Hash64(char a, char b)
    {
        // SplitMix64 of the pair: fast and well spread.
        var z = ((ulong)a << 16 | b) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
