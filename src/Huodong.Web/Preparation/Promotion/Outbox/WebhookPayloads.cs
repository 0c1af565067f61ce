using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Huodong.Web.Preparation.Promotion.Outbox;

/// <summary>A webhook request: where it goes, its JSON body, and the headers it carries.</summary>
public sealed record WebhookRequest(string Url, string Json, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// Each platform's documented group-bot message format and signing rule:
/// <list type="bullet">
/// <item>WeCom (企业微信群机器人): <c>{"msgtype":"markdown","markdown":{"content":…}}</c>; the key in the URL is the only secret.</item>
/// <item>DingTalk (钉钉自定义机器人): <c>{"msgtype":"markdown","markdown":{"title":…,"text":…}}</c>; with a secret, the URL gains
/// <c>timestamp</c> (ms) and <c>sign</c> = url-encoded Base64(HMAC-SHA256(key: secret, data: timestamp + "\n" + secret)).</item>
/// <item>Feishu (飞书自定义机器人): <c>{"msg_type":"text","content":{"text":…}}</c>; with a secret, the body gains <c>timestamp</c>
/// (seconds, a string) and <c>sign</c> = Base64(HMAC-SHA256(key: timestamp + "\n" + secret, data: empty)).</item>
/// <item>Generic webhook: <c>{"event":"promotion.published",…}</c> with <c>X-Huodong-Timestamp</c> (Unix seconds) and, with a
/// secret, <c>X-Huodong-Signature: sha256=&lt;hex HMAC-SHA256(key: secret, data: the exact body bytes)&gt;</c>.</item>
/// </list>
/// </summary>
public static class WebhookPayloads
{
    /// <summary>Chinese text as it is, not as \u escapes: the bodies are read by bots and people, never embedded in HTML.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebhookRequest Build(DeliveryJob job, WebhookTarget target, DateTimeOffset now)
    {
        var url = target.Url!;
        var secret = string.IsNullOrEmpty(target.Secret) ? null : target.Secret;
        var headers = new Dictionary<string, string>();
        var text = $"{job.Title}\n\n{job.Body}";
        JsonObject body;
        switch (job.Channel)
        {
            case PromotionChannel.WeCom:
                body = new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = TruncateUtf8(text, WeComMaxBytes) } };
                break;
            case PromotionChannel.DingTalk:
                body = new JsonObject
                {
                    ["msgtype"] = "markdown",
                    ["markdown"] = new JsonObject { ["title"] = job.Title, ["text"] = $"## {job.Title}\n\n{job.Body}" },
                };
                if (secret is not null)
                {
                    var ms = now.ToUnixTimeMilliseconds().ToString();
                    url += (url.Contains('?') ? "&" : "?") + $"timestamp={ms}&sign={Uri.EscapeDataString(DingTalkSign(ms, secret))}";
                }
                break;
            case PromotionChannel.Feishu:
                body = new JsonObject();
                if (secret is not null)
                {
                    var seconds = now.ToUnixTimeSeconds().ToString();
                    body["timestamp"] = seconds;
                    body["sign"] = FeishuSign(seconds, secret);
                }
                body["msg_type"] = "text";
                body["content"] = new JsonObject { ["text"] = text };
                break;
            case PromotionChannel.Webhook:
                body = new JsonObject
                {
                    ["event"] = "promotion.published", ["deliveryId"] = job.Id, ["promotionId"] = job.PromotionId,
                    ["activityId"] = job.ActivityId, ["title"] = job.Title, ["body"] = job.Body,
                    ["createdAt"] = job.CreatedAt, ["sentAt"] = now,
                };
                headers["X-Huodong-Timestamp"] = now.ToUnixTimeSeconds().ToString();
                headers["X-Huodong-Delivery"] = job.Id.ToString();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(job), job.Channel, "Not a webhook channel.");
        }
        var json = body.ToJsonString(Json);
        if (job.Channel == PromotionChannel.Webhook && secret is not null)
            headers["X-Huodong-Signature"] = "sha256=" + GenericSign(json, secret);
        return new WebhookRequest(url, json, headers);
    }

    public static string DingTalkSign(string timestampMs, string secret) => Convert.ToBase64String(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}")));

    public static string FeishuSign(string timestampSeconds, string secret) => Convert.ToBase64String(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{timestampSeconds}\n{secret}"), Array.Empty<byte>()));

    public static string GenericSign(string json, string secret) => Convert.ToHexStringLower(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(json)));

    /// <summary>WeCom refuses a markdown message whose content is over 4096 bytes of UTF-8 (not characters).</summary>
    public const int WeComMaxBytes = 4096;

    /// <summary>
    /// Cuts <paramref name="s"/> to at most <paramref name="maxBytes"/> bytes of UTF-8, ending in "…" when cut, and
    /// never inside a character or a combined sequence (an emoji, a letter with its accent).
    /// </summary>
    public static string TruncateUtf8(string s, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(s) <= maxBytes) return s;
        const string ellipsis = "…";
        var budget = maxBytes - Encoding.UTF8.GetByteCount(ellipsis);
        var cut = new StringBuilder();
        var used = 0;
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(s);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var bytes = Encoding.UTF8.GetByteCount(element);
            if (used + bytes > budget) break;
            cut.Append(element);
            used += bytes;
        }
        return cut.Append(ellipsis).ToString();
    }
}
