using Huodong.Web.Participation;
using Huodong.Web.Planning;

namespace Huodong.Tests.Participation;

/// <summary><see cref="ReplyRules"/>: reply mode's keyword and minimum length (M2.1).</summary>
public sealed class ReplyRulesTests
{
    [Fact]
    public void Without_a_rule_every_reply_passes()
    {
        Assert.Null(ReplyRules.Check(null, "随便说点"));
    }

    [Fact]
    public void A_reply_without_the_keyword_is_refused_naming_it()
    {
        var refusal = ReplyRules.Check(new ReplyRule("打卡", 0), "今天跑了五公里");

        Assert.NotNull(refusal);
        Assert.Equal("The reply must contain \"{0}\".", refusal.Value.Key);
        Assert.Equal(["打卡"], refusal.Value.Args);
    }

    [Theory]
    [InlineData("Huodong", "I love HUODONG a lot")]
    [InlineData(" 打卡 ", "打卡第一天")] // the keyword's own spaces do not count
    public void The_keyword_is_found_regardless_of_case_and_surrounding_spaces(string keyword, string reply)
    {
        Assert.Null(ReplyRules.Check(new ReplyRule(keyword, 0), reply));
    }

    [Theory]
    [InlineData("打卡第一天", 5, true)]
    [InlineData("打卡第一天", 6, false)]
    [InlineData("   打卡   ", 3, false)] // spaces around the reply are not content
    [InlineData("打卡😀😀😀", 5, true)] // an emoji counts as one character
    [InlineData("打卡👨‍👩‍👧", 3, true)] // so does a family emoji of several code points
    public void The_length_counts_characters_as_people_see_them(string reply, int minLength, bool passes)
    {
        var refusal = ReplyRules.Check(new ReplyRule("打卡", minLength), reply);

        Assert.Equal(passes, refusal is null);
    }

    [Fact]
    public void A_short_reply_is_refused_with_the_minimum_and_its_own_length()
    {
        var refusal = ReplyRules.Check(new ReplyRule(null, 10), "  太短了  ");

        Assert.NotNull(refusal);
        Assert.Equal("The reply must be at least {0} characters long; it has {1}.", refusal.Value.Key);
        Assert.Equal([10, 3], refusal.Value.Args);
    }

    [Fact]
    public void The_keyword_is_checked_before_the_length()
    {
        Assert.Equal("The reply must contain \"{0}\".", ReplyRules.Check(new ReplyRule("打卡", 100), "短")!.Value.Key);
    }
}
