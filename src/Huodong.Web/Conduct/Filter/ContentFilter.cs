using System.Text.RegularExpressions;

namespace Huodong.Web.Conduct.Filter;

/// <summary>A lexicon entry as the filter sees it.</summary>
public sealed record FilterTerm(string Term, ConductAction Action, ConductCategory Category);

/// <summary>One thing the filter found: the rule, and where it is in the original text.</summary>
public sealed record FilterHit(ConductAction Action, ConductCategory Category, int Start, int Length, string Rule);

/// <summary>The filter's answer: the strongest action among the hits (null when the text is clean).</summary>
public sealed record FilterVerdict(IReadOnlyList<FilterHit> Hits)
{
    public static readonly FilterVerdict Clean = new([]);
    public FilterHit? Strongest => Hits.OrderByDescending(h => h.Action).ThenBy(h => h.Category).FirstOrDefault();
    public ConductAction? Action => Strongest?.Action;
}

/// <summary>Advertising detection switches (M3.2 "no advertising"): on by default, with the action it takes.</summary>
public sealed record AdvertisingRules(bool Enabled = true, ConductAction Action = ConductAction.Hold);

/// <summary>
/// The content filter: the lexicon in one Aho–Corasick automaton over normalized text, plus advertising (links,
/// phone numbers, WeChat/QQ/QR-code solicitations). Immutable; built once per lexicon version.
/// </summary>
public sealed partial class ContentFilter
{
    /// <summary>Solicitations to move off the platform, matched like lexicon terms (so "加 微 信" and "ＶＸ" count).</summary>
    private static readonly string[] Solicitations =
    [
        "加微信", "加我微信", "微信号", "加v", "加vx", "vx", "wx", "威信", "薇信", "加qq", "qq号", "qq群", "扣扣",
        "扫码", "扫一扫", "二维码", "加群", "进群", "私聊我",
    ];

    private readonly FilterTerm[] _terms;
    private readonly AhoCorasick _matcher;
    private readonly AdvertisingRules _ads;

    public ContentFilter(IEnumerable<FilterTerm> lexicon, AdvertisingRules ads)
    {
        _ads = ads;
        var terms = lexicon.Select(t => t with { Term = TextNormalizer.Fold(t.Term) }).Where(t => t.Term.Length > 0).ToList();
        if (ads.Enabled)
            terms.AddRange(Solicitations.Select(s => new FilterTerm(TextNormalizer.Fold(s), ads.Action, ConductCategory.Advertising)));
        // The same normalized term twice (e.g. traditional and simplified): keep the strongest action.
        _terms = terms.GroupBy(t => t.Term).Select(g => g.OrderByDescending(t => t.Action).First()).ToArray();
        _matcher = new AhoCorasick(_terms.Select(t => t.Term).ToArray());
    }

    public int TermCount => _terms.Length;

    public FilterVerdict Check(string? text)
    {
        if (string.IsNullOrEmpty(text)) return FilterVerdict.Clean;
        var normalized = TextNormalizer.Normalize(text);
        var hits = new List<FilterHit>();
        foreach (var m in _matcher.FindAll(normalized.Text))
        {
            var term = _terms[m.Pattern];
            if (!WholeLatinWord(normalized, m.Start, m.Length)) continue;
            var (start, length) = normalized.ToOriginal(m.Start, m.Length);
            hits.Add(new FilterHit(term.Action, term.Category, start, length, "term"));
        }
        if (_ads.Enabled) FindAdvertising(text, normalized, hits);
        return hits.Count == 0 ? FilterVerdict.Clean : new FilterVerdict(hits);
    }

    /// <summary>
    /// A Latin term must not sit inside a longer word ("ass" in "class"): the letters just before and after it in
    /// the normalized text must be separated from it in the original (by a space or symbol), or not be letters.
    /// Chinese has no spaces between words, so CJK terms match anywhere.
    /// </summary>
    private static bool WholeLatinWord(NormalizedText n, int start, int length)
    {
        var end = start + length - 1;
        if (start > 0 && IsLatin(n.Text[start]) && IsLatin(n.Text[start - 1]) && n.Map[start - 1] == n.Map[start] - 1) return false;
        if (end + 1 < n.Text.Length && IsLatin(n.Text[end]) && IsLatin(n.Text[end + 1]) && n.Map[end + 1] == n.Map[end] + 1) return false;
        return true;
    }

    private static bool IsLatin(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    private void FindAdvertising(string original, NormalizedText normalized, List<FilterHit> hits)
    {
        // Links are read from the text with case and width folded but punctuation kept (the dots matter). Most posts
        // have no dot at all (a full-width one folds to '.'), so the regular expression is skipped for them.
        if (original.AsSpan().IndexOfAny('.', '．') >= 0)
        {
            var folded = original.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
            if (folded.Length == original.Length)
                foreach (Match m in LinkPattern().Matches(folded))
                    hits.Add(new FilterHit(_ads.Action, ConductCategory.Advertising, m.Index, m.Length, "link"));
            else if (LinkPattern().IsMatch(folded))
                hits.Add(new FilterHit(_ads.Action, ConductCategory.Advertising, 0, original.Length, "link"));
        }
        // Phone numbers survive inserted spaces and dashes: look in the normalized text, digits not part of a longer number.
        if (normalized.Text.AsSpan().IndexOfAnyInRange('0', '9') < 0) return;
        foreach (Match m in PhonePattern().Matches(normalized.Text))
        {
            var (start, length) = normalized.ToOriginal(m.Index, m.Length);
            hits.Add(new FilterHit(_ads.Action, ConductCategory.Advertising, start, length, "phone"));
        }
    }

    [GeneratedRegex(@"(https?://|www\.)\S+|\b[a-z0-9][a-z0-9-]{1,62}\.(com|cn|net|org|top|xyz|io|cc|me|info|vip|shop|site|club|link)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    /// <summary>A Chinese mobile number (1[3-9] + 9 digits), or a landline with area code, not inside a longer number.</summary>
    [GeneratedRegex(@"(?<!\d)(?:(?:86)?1[3-9]\d{9}|0\d{2,3}\d{7,8})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
