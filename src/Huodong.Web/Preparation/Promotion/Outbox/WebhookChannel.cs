using System.Text;
using System.Text.Json;
using Huodong.Web.Shared;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Preparation.Promotion.Outbox;

/// <summary>
/// Posts to the group bots of WeCom, DingTalk and Feishu and to the generic webhook. The bots answer 200 even when
/// they refuse a message, with a non-zero <c>errcode</c> (WeCom, DingTalk) or <c>code</c> (Feishu): that is a failure too.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory http, IOptions<PromotionOptions> options, TimeProvider time) : IDeliveryChannel
{
    public const string HttpClientName = "promotion-webhooks";

    public bool Handles(PromotionChannel channel) =>
        channel is PromotionChannel.WeCom or PromotionChannel.DingTalk or PromotionChannel.Feishu or PromotionChannel.Webhook;

    public async Task<string?> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        if (options.Value.Target(job.Channel) is not { } target) return "The channel has no URL configured.";
        var request = WebhookPayloads.Build(job, target, time.UtcNow());
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Content = new StringContent(request.Json, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in request.Headers) message.Headers.TryAddWithoutValidation(name, value);
        using var response = await http.CreateClient(HttpClientName).SendAsync(message, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) return $"HTTP {(int)response.StatusCode}: {Short(text)}";
        return PlatformError(text);
    }

    private static string? PlatformError(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in new[] { "errcode", "code", "StatusCode" })
                if (doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt64() != 0)
                    return $"{name} {v.GetInt64()}: {Short(text)}";
            return null;
        }
        catch (JsonException)
        {
            return null; // a generic webhook may answer with anything; 2xx is success
        }
    }

    private static string Short(string s) => s.Length <= 300 ? s : s[..300];
}
