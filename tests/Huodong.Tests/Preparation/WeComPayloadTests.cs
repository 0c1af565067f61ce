using System.Text;
using System.Text.Json.Nodes;
using Huodong.Web.Preparation.Promotion;
using Huodong.Web.Preparation.Promotion.Outbox;

namespace Huodong.Tests.Preparation;

/// <summary>WeCom's group bot refuses markdown content over 4096 bytes of UTF-8: long Chinese messages are cut to fit.</summary>
public sealed class WeComPayloadTests
{
    private static string ContentOf(string body)
    {
        var job = new DeliveryJob(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), PromotionChannel.WeCom, "春季摄影大赛", body,
            null, 1, DateTimeOffset.UtcNow);
        var request = WebhookPayloads.Build(job, new WebhookTarget { Url = "http://127.0.0.1/wecom?key=k" }, DateTimeOffset.UtcNow);
        return JsonNode.Parse(request.Json)!["markdown"]!["content"]!.GetValue<string>();
    }

    [Fact]
    public void A_long_Chinese_message_is_cut_to_4096_bytes_and_says_so()
    {
        var content = ContentOf(string.Concat(Enumerable.Repeat("活动规则说明。", 400))); // 2,800 characters, 8,400 bytes

        var bytes = Encoding.UTF8.GetByteCount(content);
        Assert.InRange(bytes, 4096 - 3 - 3, 4096);
        Assert.EndsWith("…", content);
        Assert.StartsWith("春季摄影大赛\n\n活动规则说明。", content);
    }

    [Fact]
    public void A_message_that_fits_is_sent_whole()
    {
        var body = new string('好', 1358); // 4,094 bytes with the title and the blank line
        Assert.Equal($"春季摄影大赛\n\n{body}", ContentOf(body));
    }

    [Fact]
    public void The_cut_never_splits_an_emoji_or_a_character()
    {
        var text = string.Concat(Enumerable.Repeat("👍🏽好", 1000));
        for (var max = 10; max < 60; max++)
        {
            var cut = WebhookPayloads.TruncateUtf8(text, max);
            Assert.True(Encoding.UTF8.GetByteCount(cut) <= max);
            Assert.Equal(cut, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut))); // no lone surrogate
            Assert.DoesNotContain("👍…", cut); // the skin-tone modifier stays with its emoji
        }
    }
}
