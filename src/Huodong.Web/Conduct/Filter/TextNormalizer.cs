using System.Globalization;
using System.Text;

namespace Huodong.Web.Conduct.Filter;

/// <summary>
/// Text as the filter compares it, with a map back to the original: NFKC (full-width → half-width, circled and
/// compatibility forms), lower case, traditional → simplified Chinese for common characters, and without the
/// spaces, punctuation, symbols and zero-width characters people insert to slip a word past a filter (M3.2).
/// </summary>
public static class TextNormalizer
{
    /// <summary>Per BMP character: what it normalizes to, or '\0' to drop it. Built once (~65k lookups).</summary>
    private static readonly Lazy<char[]> Table = new(BuildTable);

    public static NormalizedText Normalize(string text)
    {
        var table = Table.Value;
        var chars = new char[text.Length];
        var map = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c)) continue; // emoji and rare ideographs carry no filtered words
            var m = table[c];
            if (m == '\0') continue;
            chars[n] = m;
            map[n] = i;
            n++;
        }
        return new NormalizedText(text, new string(chars, 0, n), map.AsSpan(0, n).ToArray());
    }

    /// <summary>The normalized form alone, for terms and fingerprints.</summary>
    public static string Fold(string text) => Normalize(text).Text;

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c)) continue;
            table[i] = Map(c);
        }
        return table;
    }

    private static char Map(char c)
    {
        if (c < 0x80)
            return char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
        if (IsInvisible(c)) return '\0';
        var s = c.ToString();
        try { s = s.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { return '\0'; } // unassigned code points
        if (s.Length == 0) return '\0';
        // A compatibility form that expands (㈱ → (株)) keeps its first letter or digit.
        var first = s.FirstOrDefault(ch => char.IsLetterOrDigit(ch));
        if (first == '\0') return '\0';
        first = char.ToLowerInvariant(first);
        return TraditionalChinese.ToSimplified(first);
    }

    /// <summary>Zero-width, format and joiner characters, spaces, punctuation and symbols: dropped.</summary>
    private static bool IsInvisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
        UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierLetter => true,
        _ => false,
    };
}

/// <summary>The normalized text and, for each of its characters, the index of the original character it came from.</summary>
public sealed record NormalizedText(string Original, string Text, int[] Map)
{
    /// <summary>The original span a normalized range [start, start+length) covers.</summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        var s = Map[start];
        var e = Map[start + length - 1];
        return (s, e - s + 1);
    }
}
