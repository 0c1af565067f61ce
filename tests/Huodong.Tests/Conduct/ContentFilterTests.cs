using Huodong.Web.Conduct;
using Huodong.Web.Conduct.Filter;

namespace Huodong.Tests.Conduct;

/// <summary>M3.2: the filter sees through the usual evasions and leaves clean Chinese and English text alone.</summary>
public sealed class ContentFilterTests
{
    private static readonly ContentFilter Filter = new(
    [
        new FilterTerm("赌博", ConductAction.Block, ConductCategory.Illegal),
        new FilterTerm("傻逼", ConductAction.Block, ConductCategory.Abuse),
        new FilterTerm("idiot", ConductAction.Hold, ConductCategory.Abuse),
        new FilterTerm("ass", ConductAction.Flag, ConductCategory.Abuse),
        new FilterTerm("代刷", ConductAction.Flag, ConductCategory.Cheating),
    ], new AdvertisingRules());

    private static readonly ContentFilter NoAds = new([new FilterTerm("赌博", ConductAction.Block, ConductCategory.Illegal)],
        new AdvertisingRules(Enabled: false));

    [Theory]
    [InlineData("来玩赌博吧")]
    [InlineData("来玩赌 博吧")]       // inserted space
    [InlineData("来玩赌*博吧")]          // inserted symbol
    [InlineData("来玩赌\u200B博吧")]     // zero-width space
    [InlineData("来玩賭博吧")]           // traditional
    [InlineData("来玩赌、。博")]         // Chinese punctuation
    public void A_block_term_is_found_through_evasions(string text)
    {
        var verdict = Filter.Check(text);
        Assert.Equal(ConductAction.Block, verdict.Action);
        Assert.Equal(ConductCategory.Illegal, verdict.Strongest!.Category);
    }

    [Theory]
    [InlineData("You IDIOT")]
    [InlineData("you ｉｄｉｏｔ")]        // full-width
    [InlineData("you i.d.i.o.t!")]      // dots between letters
    [InlineData("you I d I o T")]       // case and spaces
    public void A_latin_term_is_found_through_width_case_and_spacing(string text) =>
        Assert.Equal(ConductAction.Hold, Filter.Check(text).Action);

    [Fact]
    public void A_hit_maps_back_to_the_original_characters()
    {
        const string text = "你好，赌 - 博 吗";
        var hit = Assert.Single(Filter.Check(text).Hits);
        Assert.Equal("赌 - 博", text.Substring(hit.Start, hit.Length));
    }

    [Fact]
    public void The_strongest_action_wins_when_several_terms_hit() =>
        Assert.Equal(ConductAction.Block, Filter.Check("代刷 还有 赌博").Action);

    [Theory]
    [InlineData("这个活动太棒了，期待下一次！")]
    [InlineData("几点开始直播？需要提前下载 App 吗？")]
    [InlineData("The class assignment was a massive success.")]  // "ass" inside words
    [InlineData("Thanks to the organisers, see you at 20:00 on 2026-11-26.")]
    [InlineData("参加vip活动的会员请注意时间")]                       // "加v" inside 参加vip
    [InlineData("我的答案是 42，第 3 题选 B")]
    public void Clean_text_passes_untouched(string text) => Assert.Empty(Filter.Check(text).Hits);

    [Theory]
    [InlineData("加微信领奖品")]
    [InlineData("加 薇 信 abc123")]
    [InlineData("有事加ＶＸ：abc")]
    [InlineData("扫码进群")]
    [InlineData("电话 139-1234-5678 联系")]
    [InlineData("访问 https://example.com/x 领取")]
    [InlineData("上 Example.CN 看看")]
    public void Advertising_is_detected(string text)
    {
        var verdict = Filter.Check(text);
        Assert.Equal(ConductCategory.Advertising, verdict.Strongest!.Category);
        Assert.Equal(ConductAction.Hold, verdict.Action);
    }

    [Fact]
    public void Advertising_detection_can_be_switched_off() =>
        Assert.Empty(NoAds.Check("加微信 13912345678 https://example.com").Hits);

    [Fact]
    public void A_long_number_that_is_not_a_phone_is_not_advertising() =>
        Assert.Empty(Filter.Check("订单号 202611261391234567890").Hits);

    [Fact]
    public void Normalizing_folds_width_case_and_traditional_and_drops_separators() =>
        Assert.Equal("abc12赌博", TextNormalizer.Fold("Ａ b-C ①2 賭\u200D博。"));
}
