namespace Huodong.Web.Conduct.Cheating;

/// <summary>
/// Near-duplicate detection for submissions (M3.3 plagiarism): the normalized text is cut into overlapping
/// <see cref="ShingleLength"/>-character shingles; a MinHash signature of <see cref="Hashes"/> values estimates the
/// Jaccard similarity of two shingle sets; LSH banding (<see cref="Bands"/> bands of <see cref="Rows"/> rows) turns
/// each signature into band keys so that only texts sharing a key are compared: with 16 × 4 a pair at similarity 0.5
/// shares a key with probability 1 − (1 − 0.5⁴)¹⁶ ≈ 0.64, at 0.7 ≈ 0.98, at 0.3 ≈ 0.12.
/// </summary>
public static class MinHash
{
    public const int ShingleLength = 4;
    /// <summary>64 values per signature; the bands use 63 of them (21 × 3).</summary>
    public const int Hashes = 64, Bands = 21, Rows = 3;
    /// <summary>Shorter normalized texts ("打卡", "同意") are alike by design and are not fingerprinted.</summary>
    public const int MinLength = 16;

    private static readonly (ulong A, ulong B)[] Permutations = MakePermutations();

    /// <summary>The signature of a normalized text, or null when it is too short to judge.</summary>
    public static uint[]? Signature(string normalized)
    {
        if (normalized.Length < MinLength) return null;
        var signature = new uint[Hashes];
        Array.Fill(signature, uint.MaxValue);
        for (var i = 0; i + ShingleLength <= normalized.Length; i++)
        {
            var x = ShingleHash(normalized.AsSpan(i, ShingleLength));
            for (var h = 0; h < Hashes; h++)
            {
                // Multiply-shift hashing: the high 32 bits of a·x + b, one (a, b) per signature row.
                var v = (uint)((Permutations[h].A * x + Permutations[h].B) >> 32);
                if (v < signature[h]) signature[h] = v;
            }
        }
        return signature;
    }

    /// <summary>The estimated Jaccard similarity: the share of signature rows that agree.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var same = 0;
        for (var i = 0; i < Hashes; i++) if (a[i] == b[i]) same++;
        return (double)same / Hashes;
    }

    /// <summary>One key per band; the band's number is part of the key, so keys of different bands never collide.</summary>
    public static long[] BandKeys(ReadOnlySpan<uint> signature)
    {
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var z = (ulong)band * 0x9E3779B97F4A7C15UL;
            for (var r = 0; r < Rows; r++) z = Mix(z ^ signature[band * Rows + r]);
            keys[band] = (long)z;
        }
        return keys;
    }

    public static byte[] ToBytes(uint[] signature)
    {
        var bytes = new byte[signature.Length * 4];
        Buffer.BlockCopy(signature, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static uint[] FromBytes(byte[] bytes)
    {
        var signature = new uint[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, signature, 0, bytes.Length);
        return signature;
    }

    /// <summary>A 64-bit hash of a shingle (FNV-1a over the UTF-16 units, then mixed).</summary>
    public static ulong ShingleHash(ReadOnlySpan<char> shingle)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in shingle) h = (h ^ c) * 0x100000001B3UL;
        return Mix(h);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Fixed (a, b) pairs: signatures stored in the database must stay comparable across releases.</summary>
    private static (ulong, ulong)[] MakePermutations()
    {
        var p = new (ulong, ulong)[Hashes];
        var seed = 0x5DEECE66DUL;
        for (var i = 0; i < Hashes; i++)
        {
            seed = Mix(seed);
            var a = seed | 1;
            seed = Mix(seed);
            p[i] = (a, seed);
        }
        return p;
    }
}
