using System.Diagnostics;
using System.Text;
using Huodong.Web.Conduct;
using Huodong.Web.Conduct.Filter;

// Content filter throughput (M3.2): the real filter (normalize + one Aho-Corasick pass + advertising checks) with a
// 10,000-term lexicon, against a naive scan that normalizes once and then searches for each term in turn.
// Usage: dotnet run -c Release --project bench/Huodong.ConductBench [terms=10000] [megabytes=4]
//        dotnet run -c Release --project bench/Huodong.ConductBench -- plagiarism [submissions=10000]
if (args.FirstOrDefault() == "plagiarism")
{
    PlagiarismBench.Run(args.Skip(1).ToArray());
    return;
}
var termCount = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var megabytes = args.Length > 1 ? int.Parse(args[1]) : 4;
var rng = new Random(20261126);

const string Cjk = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理";
string Word(int min, int max)
{
    var sb = new StringBuilder();
    var n = rng.Next(min, max + 1);
    if (rng.Next(4) == 0) for (var i = 0; i < n + 2; i++) sb.Append((char)('a' + rng.Next(26)));
    else for (var i = 0; i < n; i++) sb.Append(Cjk[rng.Next(Cjk.Length)]);
    return sb.ToString();
}
var terms = Enumerable.Range(0, termCount).Select(_ => Word(2, 4)).Distinct()
    .Select((t, i) => new FilterTerm(t, (ConductAction)(1 + i % 3), ConductCategory.Abuse)).ToList();

// Ordinary posts: CJK with punctuation, some English, a few numbers; ~200 characters each.
var posts = new List<string>();
var total = 0;
while (total < megabytes * 1_000_000)
{
    var sb = new StringBuilder();
    while (sb.Length < 200)
    {
        sb.Append(rng.Next(6) == 0 ? "Great event, thanks! " : "");
        for (var i = 0; i < 12; i++) sb.Append(Cjk[rng.Next(Cjk.Length)]);
        sb.Append(rng.Next(3) == 0 ? "，" : "。");
    }
    var post = sb.ToString();
    posts.Add(post);
    total += Encoding.UTF8.GetByteCount(post);
}
Console.WriteLine($"lexicon: {terms.Count:N0} terms; corpus: {posts.Count:N0} posts, {total / 1e6:F1} MB UTF-8");

var sw = Stopwatch.StartNew();
var filter = new ContentFilter(terms, new AdvertisingRules());
Console.WriteLine($"build: {sw.ElapsedMilliseconds} ms (normalizer table included)");
var normalizedTerms = terms.Select(t => TextNormalizer.Fold(t.Term)).ToArray();

double Measure(string name, Func<string, int> scan, int rounds)
{
    var best = double.MaxValue;
    long hits = 0;
    for (var r = 0; r < rounds; r++)
    {
        hits = 0;
        var w = Stopwatch.StartNew();
        foreach (var p in posts) hits += scan(p);
        best = Math.Min(best, w.Elapsed.TotalSeconds);
    }
    var mbs = total / 1e6 / best;
    Console.WriteLine($"{name,-34} {mbs,8:F2} MB/s   ({best * 1000:F0} ms per pass, {hits:N0} hits, best of {rounds})");
    return mbs;
}

filter.Check(posts[0]);
var ac = Measure("Aho-Corasick filter (full check)", p => filter.Check(p).Hits.Count, 5);
var matcher = new AhoCorasick(normalizedTerms);
Measure("normalize + automaton only", p => matcher.FindAll(TextNormalizer.Normalize(p).Text).Count, 5);
var norm = Measure("normalize only", p => TextNormalizer.Normalize(p).Text.Length > 0 ? 0 : 1, 5);
// The naive scan gets one round on a slice: it is orders of magnitude slower.
var slice = posts.Take(Math.Max(1, posts.Count / 50)).ToList();
var sliceBytes = slice.Sum(p => Encoding.UTF8.GetByteCount(p));
var nw = Stopwatch.StartNew();
long naiveHits = 0;
foreach (var p in slice)
{
    var text = TextNormalizer.Fold(p);
    foreach (var t in normalizedTerms)
        for (var i = text.IndexOf(t, StringComparison.Ordinal); i >= 0; i = text.IndexOf(t, i + 1, StringComparison.Ordinal)) naiveHits++;
}
var naive = sliceBytes / 1e6 / nw.Elapsed.TotalSeconds;
Console.WriteLine($"{"naive per-term IndexOf",-34} {naive,8:F2} MB/s   ({sliceBytes / 1e6:F2} MB slice, {naiveHits:N0} hits)");
Console.WriteLine($"speed-up: {ac / naive:F0}x");
