using System.Net;
using Huodong.Web.Conduct.Cheating;
using Huodong.Web.Conduct.Filter;

namespace Huodong.Tests.Conduct;

/// <summary>The plagiarism fingerprints and the network prefix of the cheat detectors, as plain units.</summary>
public sealed class PlagiarismTests
{
    private const string Essay =
        "去年秋天我第一次参加社区的读书会，大家围坐在图书馆二楼的长桌旁，轮流分享自己最近读过的书。有人讲历史，有人讲科幻，" +
        "还有一位退休的老师带来了她年轻时抄写的诗集。那天晚上回家的路上，我决定每个月至少读完两本书。";
    private const string Different =
        "我们小区的垃圾分类推行了半年，起初很多人嫌麻烦，志愿者每天早晚守在投放点耐心讲解。后来物业在每栋楼下装了提示牌，" +
        "孩子们还自发做了分类小报贴在电梯里。现在厨余垃圾的分出率明显提高，楼道也干净多了。";

    private static uint[] Sig(string text) => MinHash.Signature(TextNormalizer.Fold(text))!;

    [Fact]
    public void A_lightly_edited_copy_is_near_duplicate_and_shares_a_band()
    {
        var copy = "前年冬天，我第一次参加了社区的读书会！大家围坐在图书馆二楼的长桌旁，轮流分享自己最近读过的书。有人讲历史，有人讲科幻，" +
                   "还有一位退休的老师带来了她年轻时抄写的诗集。那天晚上回家的路上，我决定每个月至少读完三本书。";

        Assert.InRange(MinHash.Similarity(Sig(Essay), Sig(copy)), 0.5, 1.0);
        Assert.NotEmpty(MinHash.BandKeys(Sig(Essay)).Intersect(MinHash.BandKeys(Sig(copy))));
    }

    [Fact]
    public void Full_width_spaced_or_traditional_copies_are_the_same_text()
    {
        var disguised = string.Join(" ", Essay.ToCharArray()).Replace("书", "書").Replace("图", "圖");
        Assert.Equal(1.0, MinHash.Similarity(Sig(Essay), Sig(disguised)));
    }

    [Fact]
    public void Two_different_essays_on_the_same_platform_are_not_plagiarism()
    {
        Assert.InRange(MinHash.Similarity(Sig(Essay), Sig(Different)), 0.0, 0.1);
        Assert.Empty(MinHash.BandKeys(Sig(Essay)).Intersect(MinHash.BandKeys(Sig(Different))));
    }

    [Fact]
    public void Short_replies_are_not_fingerprinted()
    {
        Assert.Null(MinHash.Signature(TextNormalizer.Fold("打卡，今天也来了！")));
    }

    [Fact]
    public void Signatures_survive_the_database_round_trip()
    {
        var sig = Sig(Essay);
        Assert.Equal(sig, MinHash.FromBytes(MinHash.ToBytes(sig)));
    }

    [Fact]
    public void The_passages_two_texts_share_are_marked_in_each_and_nothing_else()
    {
        var (left, right, overlap) = PassageMatch.Compare("开头不同。" + Essay, Essay + "结尾也不同。");

        Assert.Equal("开头不同。", left[0].Text);
        Assert.False(left[0].Shared);
        Assert.True(left[1].Shared);
        Assert.Equal(string.Concat(left.Select(p => p.Text)), "开头不同。" + Essay); // the whole text, in order
        Assert.True(right[0].Shared);
        Assert.False(right[^1].Shared);
        Assert.InRange(overlap, 0.8, 1.0);
        Assert.DoesNotContain(PassageMatch.Compare(Essay, Different).Left, p => p.Shared);
    }

    [Theory]
    [InlineData("198.51.100.7", "198.51.100.0/24")]
    [InlineData("198.51.100.250", "198.51.100.0/24")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.0/24")]
    [InlineData("2001:db8:aaaa:1::5", "20010db8aaaa::/48")]
    [InlineData("2001:db8:aaaa:ffff::9", "20010db8aaaa::/48")]
    public void A_network_is_the_24_or_48_prefix(string address, string network) =>
        Assert.Equal(network, ClientFingerprint.NetworkOf(IPAddress.Parse(address)));

    [Fact]
    public void Loopback_and_unknown_addresses_are_no_network()
    {
        Assert.Null(ClientFingerprint.NetworkOf(IPAddress.Loopback));
        Assert.Null(ClientFingerprint.NetworkOf(IPAddress.IPv6Loopback));
        Assert.Null(ClientFingerprint.NetworkOf(null));
    }
}
