using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Preparation.Promotion;
using Huodong.Web.Preparation.Promotion.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Api;

/// <summary>
/// E1.4 delivery through the outbox: each group bot gets its platform's documented payload and signature, email
/// reaches a real SMTP server and survives an outage, and racing workers never send a row twice.
/// </summary>
public abstract class PromotionDeliveryTests(TestApp app, PromotionRig rig) : ApiTests(app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<Guid> Promote(Guid activityId, string title, params string[] channels)
    {
        var response = await (await Planner).PostJson($"/api/activities/{activityId}/promotions", new { channels, title });
        return (await response.Expect<PromotionApiTests.PromotionAnswer>(HttpStatusCode.Created)).Id;
    }

    private Task<List<Delivery>> Deliveries(Guid promotionId) =>
        App.WithDb(db => db.Set<Delivery>().AsNoTracking().Where(d => d.PromotionId == promotionId).ToListAsync(Ct));

    private async Task<List<Delivery>> WaitFor(Guid promotionId, Func<List<Delivery>, bool> done, string what)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var rows = await Deliveries(promotionId);
            if (done(rows)) return rows;
            if (DateTime.UtcNow > until)
                Assert.Fail($"Timed out waiting for {what}: " + string.Join("; ", rows.Select(r => $"{r.Channel} {r.Status} x{r.Attempts} {r.LastError}")));
            await Task.Delay(100, Ct);
        }
    }

    private static bool AllSent(List<Delivery> rows) => rows.Count > 0 && rows.All(r => r.Status == DeliveryStatus.Sent);

    private static JsonElement Json(CapturedRequest r) => JsonDocument.Parse(r.Body).RootElement;

    [Fact]
    public async Task Each_group_bot_gets_its_platforms_documented_payload_and_signature()
    {
        var activity = await Approved();
        var title = $"预告 {Guid.NewGuid():N}";
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var id = await Promote(activity.Id, title, "WeCom", "DingTalk", "Feishu", "Webhook");
        await WaitFor(id, AllSent, "all four webhooks to be sent");
        var after = DateTimeOffset.UtcNow.AddSeconds(5);
        CapturedRequest Hit(string path) => Assert.Single(rig.Hooks.At(path), r => r.Body.Contains(title));

        var wecom = Hit("/wecom");
        Assert.Equal("test-key", wecom.Query["key"]);
        Assert.Equal("markdown", Json(wecom).GetProperty("msgtype").GetString());
        Assert.Contains("用户共创", Json(wecom).GetProperty("markdown").GetProperty("content").GetString());

        var ding = Hit("/dingtalk");
        Assert.Equal("test-token", ding.Query["access_token"]);
        var ms = long.Parse(ding.Query["timestamp"]);
        Assert.InRange(ms, before.ToUnixTimeMilliseconds(), after.ToUnixTimeMilliseconds());
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PromotionRig.DingTalkSecret),
            Encoding.UTF8.GetBytes($"{ms}\n{PromotionRig.DingTalkSecret}")));
        Assert.Equal(expected, ding.Query["sign"]);
        Assert.Equal("markdown", Json(ding).GetProperty("msgtype").GetString());
        Assert.Equal(title, Json(ding).GetProperty("markdown").GetProperty("title").GetString());
        Assert.Contains("用户共创", Json(ding).GetProperty("markdown").GetProperty("text").GetString());

        var feishu = Json(Hit("/feishu/hook"));
        Assert.Equal("text", feishu.GetProperty("msg_type").GetString());
        Assert.StartsWith(title, feishu.GetProperty("content").GetProperty("text").GetString());
        var seconds = feishu.GetProperty("timestamp").GetString()!;
        Assert.InRange(long.Parse(seconds), before.ToUnixTimeSeconds(), after.ToUnixTimeSeconds());
        Assert.Equal(Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{seconds}\n{PromotionRig.FeishuSecret}"),
            Array.Empty<byte>())), feishu.GetProperty("sign").GetString());

        var generic = Hit("/generic");
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PromotionRig.WebhookSecret),
            Encoding.UTF8.GetBytes(generic.Body)));
        Assert.Equal($"sha256={signature}", generic.Headers["X-Huodong-Signature"]);
        Assert.InRange(long.Parse(generic.Headers["X-Huodong-Timestamp"]), before.ToUnixTimeSeconds(), after.ToUnixTimeSeconds());
        Assert.StartsWith("application/json", generic.Headers["Content-Type"]);
        Assert.Equal("promotion.published", Json(generic).GetProperty("event").GetString());
        Assert.Equal(activity.Id, Json(generic).GetProperty("activityId").GetGuid());
        Assert.Equal(id, Json(generic).GetProperty("promotionId").GetGuid());
    }

    [Fact]
    public async Task A_bot_that_is_down_keeps_its_delivery_pending_and_gets_it_once_it_answers()
    {
        var activity = await Approved();
        rig.Hooks.Answer = 503;
        try
        {
            var id = await Promote(activity.Id, $"重试 {Guid.NewGuid():N}", "Webhook");
            var failing = await WaitFor(id, rows => rows.All(r => r.Attempts >= 2), "two failed attempts");
            Assert.All(failing, r => Assert.Equal(DeliveryStatus.Pending, r.Status));
            Assert.Contains("503", failing[0].LastError);
            rig.Hooks.Answer = 200;
            var sent = Assert.Single(await WaitFor(id, AllSent, "the webhook to be sent after recovery"));
            Assert.Null(sent.LastError);
        }
        finally { rig.Hooks.Answer = 200; }
    }

    [Fact]
    public async Task Email_reaches_a_real_SMTP_server_and_survives_an_outage()
    {
        SmtpTestServer.SkipUnlessAvailable();
        rig.Smtp.Stop();
        var activity = await Approved(Plans.Complete() with { Eligibility = new() { MinLevel = 5 } });

        var id = await Promote(activity.Id, $"邮件 {Guid.NewGuid():N}", "Email");

        var waiting = await WaitFor(id, rows => rows.All(r => r.Attempts >= 1), "every email to be tried while SMTP is down");
        Assert.Equal(40, waiting.Count); // members with level 5: member N has level 1 + N % 5
        Assert.All(waiting, r => Assert.Equal(DeliveryStatus.Pending, r.Status));
        Assert.DoesNotContain(rig.Smtp.Messages(), m => waiting.Any(w => m.Contains(w.Id.ToString())));

        await rig.Smtp.StartAsync();
        var sent = await WaitFor(id, AllSent, "every email to be sent once SMTP is back");
        var messages = rig.Smtp.Messages();
        foreach (var row in sent)
            Assert.Single(messages, m => m.Contains($"X-Huodong-Delivery: {row.Id}"));
        var member9 = messages.Single(m => m.Contains($"To: member9@{TestApp.Domain}") && sent.Any(r => m.Contains(r.Id.ToString())));
        Assert.Contains("From: huodong@test.huodong", member9);
    }

    [Fact]
    public async Task Outboxes_racing_on_the_same_rows_never_send_a_delivery_twice()
    {
        var activity = await Approved();
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++) ids.Add(await Promote(activity.Id, $"并发 {i} {Guid.NewGuid():N}", "Webhook", "WeCom"));

        // Four outboxes in their own scopes (as four instances would be) plus the app's own worker, all at once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var round = 0; round < 20; round++)
            {
                using var scope = App.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<DeliveryOutbox>().RunOnceAsync(Ct);
            }
        }, Ct)));
        var rows = new List<Delivery>();
        foreach (var id in ids) rows.AddRange(await WaitFor(id, AllSent, "the raced deliveries to be sent"));

        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        var generic = rig.Hooks.At("/generic").Select(r => r.Headers["X-Huodong-Delivery"]).ToList();
        foreach (var r in rows.Where(r => r.Channel == PromotionChannel.Webhook))
            Assert.Single(generic, g => g == r.Id.ToString());
        var wecomTitles = rig.Hooks.At("/wecom").Select(r => Json(r).GetProperty("markdown").GetProperty("content").GetString()!).ToList();
        for (var i = 0; i < 8; i++) Assert.Single(wecomTitles, t => t.StartsWith($"并发 {i} "));
    }
}

public sealed class PromotionDeliveryTests_Sqlite(PromotionSqliteApp app) : PromotionDeliveryTests(app, app.Rig), IClassFixture<PromotionSqliteApp>;
public sealed class PromotionDeliveryTests_Postgres(PromotionPostgresApp app) : PromotionDeliveryTests(app, app.Rig), IClassFixture<PromotionPostgresApp>;
