using Huodong.Web.Conduct.Filter;

namespace Huodong.Tests.Conduct;

/// <summary>The automaton finds exactly what a naive search for each pattern finds, overlaps included.</summary>
public sealed class AhoCorasickTests
{
    [Fact]
    public void The_classic_overlapping_patterns_are_all_found()
    {
        var matcher = new AhoCorasick(["he", "she", "his", "hers"]);

        var found = matcher.FindAll("ushers").Select(m => (m.Pattern, m.Start)).Order().ToList();

        Assert.Equal([(0, 2), (1, 1), (3, 2)], found);
    }

    [Fact]
    public void Random_lexicons_match_exactly_what_a_naive_search_finds()
    {
        var rng = new Random(7);
        for (var round = 0; round < 50; round++)
        {
            const string alphabet = "ab赌博c";
            string Word(int max) => new(Enumerable.Range(0, rng.Next(1, max)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
            var patterns = Enumerable.Range(0, rng.Next(1, 30)).Select(_ => Word(5)).Distinct().ToArray();
            var text = Word(200);

            var expected = patterns.SelectMany((p, i) => Enumerable.Range(0, text.Length - p.Length + 1)
                .Where(s => string.CompareOrdinal(text, s, p, 0, p.Length) == 0).Select(s => (i, s))).Order().ToList();
            var actual = new AhoCorasick(patterns).FindAll(text).Select(m => (m.Pattern, m.Start)).Order().ToList();

            Assert.Equal(expected, actual);
        }
    }
}
