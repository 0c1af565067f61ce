using Huodong.Web.Conduct.Filter;

namespace Huodong.Web.Conduct.Cheating;

/// <summary>A run of a submission's original text, marked when it is part of a passage both texts share.</summary>
public sealed record Passage(string Text, bool Shared);

/// <summary>
/// The matched passages of two texts, for the moderator's side-by-side view: every normalized
/// <see cref="Window"/>-character run present in both texts is marked in each, mapped back to what the members typed
/// (the punctuation between two marked characters is marked too, so a copied sentence reads as one passage).
/// </summary>
public static class PassageMatch
{
    public const int Window = 8;

    public static (IReadOnlyList<Passage> Left, IReadOnlyList<Passage> Right, double Overlap) Compare(string left, string right)
    {
        var a = TextNormalizer.Normalize(left);
        var b = TextNormalizer.Normalize(right);
        var inA = Windows(a.Text);
        var inB = Windows(b.Text);
        var markA = Mark(a, inB);
        var markB = Mark(b, inA);
        var shared = a.Text.Length == 0 ? 0 : (double)CountMarked(a, markA) / a.Text.Length;
        return (Runs(left, markA), Runs(right, markB), shared);
    }

    private static HashSet<ulong> Windows(string normalized)
    {
        var set = new HashSet<ulong>();
        for (var i = 0; i + Window <= normalized.Length; i++) set.Add(MinHash.ShingleHash(normalized.AsSpan(i, Window)));
        return set;
    }

    /// <summary>Per original character: inside a window the other text has too.</summary>
    private static bool[] Mark(NormalizedText text, HashSet<ulong> other)
    {
        var marked = new bool[text.Original.Length];
        var n = text.Text;
        for (var i = 0; i + Window <= n.Length; i++)
        {
            if (!other.Contains(MinHash.ShingleHash(n.AsSpan(i, Window)))) continue;
            var (start, length) = text.ToOriginal(i, Window);
            Array.Fill(marked, true, start, length);
        }
        return marked;
    }

    private static int CountMarked(NormalizedText text, bool[] marked) => text.Map.Count(i => marked[i]);

    private static List<Passage> Runs(string original, bool[] marked)
    {
        var runs = new List<Passage>();
        var start = 0;
        for (var i = 1; i <= original.Length; i++)
        {
            if (i < original.Length && marked[i] == marked[start]) continue;
            runs.Add(new Passage(original[start..i], marked[start]));
            start = i;
        }
        return runs;
    }
}
