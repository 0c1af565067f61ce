using Huodong.Tests.Builders;
using Huodong.Web.Planning;
using Huodong.Web.Preparation.Promotion;
using Huodong.Web.Shared;

namespace Huodong.Tests.Preparation;

/// <summary>E1.4: the generated message carries the six parts; a written one is checked for each, both ways.</summary>
public sealed class PromotionMessageTests
{
    private static readonly Plan Plan = Plans.Complete("春季摄影大赛");
    private const string Title = "春季摄影大赛";
    private static string StartDay => Display.InChina(Plan.Schedule.StartsAt!.Value).ToString("yyyy-MM-dd");
    private static string StartMonthDay { get { var t = Display.InChina(Plan.Schedule.StartsAt!.Value); return $"{t.Month}月{t.Day}日"; } }

    /// <summary>A body that names every part in the plan's own words.</summary>
    private static string Complete() =>
        $"主题：{Plan.Theme}\n时间：{StartDay} 10:00\n形式：比赛\n规则见活动页\n参与方式：报名\n奖品：一等奖 蓝牙耳机";

    [Fact]
    public void The_generated_message_contains_all_six_parts()
    {
        var body = PromotionMessage.Generate(Title, Plan);

        Assert.Empty(PromotionMessage.Missing(body, Title, Plan));
        Assert.Contains(Plan.Theme!, body);
        Assert.Contains(StartDay, body);
        Assert.Contains("比赛", body);
        Assert.Contains("活动规则", body);
        Assert.Contains("报名", body);
        Assert.Contains("一等奖 蓝牙耳机", body);
    }

    [Fact]
    public void A_message_naming_every_part_is_complete() =>
        Assert.Empty(PromotionMessage.Missing(Complete(), Title, Plan));

    [Theory]
    [InlineData(PromotionPart.Theme, "主题：用户共创，分享真实使用体验", "主题：未写")]
    [InlineData(PromotionPart.Time, "__DAY__", "下周见")]
    [InlineData(PromotionPart.Format, "形式：比赛", "形式：未写")]
    [InlineData(PromotionPart.Content, "规则见活动页", "详见页面")]
    [InlineData(PromotionPart.Participation, "参与方式：报名", "快来吧")]
    [InlineData(PromotionPart.Rewards, "奖品：一等奖 蓝牙耳机", "好礼相送")]
    public void Each_part_is_named_when_it_is_missing(PromotionPart part, string present, string replacement)
    {
        var body = Complete().Replace(present == "__DAY__" ? StartDay : present, replacement);

        Assert.Equal([part], PromotionMessage.Missing(body, Title, Plan));
    }

    [Fact]
    public void Alternative_forms_count_the_title_for_the_theme_the_Chinese_date_and_English_names()
    {
        var body = $"{Title}！{StartMonthDay}开始，Contest 形式，rules 见页面，Registration 参与，prize 丰富。";

        Assert.Empty(PromotionMessage.Missing(body, Title, Plan));
    }

    [Fact]
    public void An_empty_message_lacks_every_part_in_the_regulations_order() =>
        Assert.Equal(Enum.GetValues<PromotionPart>(), PromotionMessage.Missing("你好", Title, Plan));
}
