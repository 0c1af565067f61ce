using Huodong.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Huodong.Tests.Api;

/// <summary>
/// What the promotion tests point the app at: a capture server for the four webhook channels (with secrets for
/// those that sign) and a local SMTP port the tests start and stop; the outbox polls and retries quickly.
/// </summary>
public sealed class PromotionRig : IAsyncDisposable
{
    public const string DingTalkSecret = "SECdingtalk-test-secret";
    public const string FeishuSecret = "feishu-test-secret";
    public const string WebhookSecret = "generic-test-secret";

    public CaptureServer Hooks { get; } = new();
    public SmtpTestServer Smtp { get; } = new();

    public void Configure(IWebHostBuilder b)
    {
        b.UseSetting("Email:Smtp:Host", "127.0.0.1");
        b.UseSetting("Email:Smtp:Port", Smtp.Port.ToString());
        b.UseSetting("Email:Smtp:From", "huodong@test.huodong");
        b.UseSetting("Promotion:Webhooks:WeCom:Url", $"{Hooks.BaseUrl}/wecom?key=test-key");
        b.UseSetting("Promotion:Webhooks:DingTalk:Url", $"{Hooks.BaseUrl}/dingtalk?access_token=test-token");
        b.UseSetting("Promotion:Webhooks:DingTalk:Secret", DingTalkSecret);
        b.UseSetting("Promotion:Webhooks:Feishu:Url", $"{Hooks.BaseUrl}/feishu/hook");
        b.UseSetting("Promotion:Webhooks:Feishu:Secret", FeishuSecret);
        b.UseSetting("Promotion:Webhooks:Webhook:Url", $"{Hooks.BaseUrl}/generic");
        b.UseSetting("Promotion:Webhooks:Webhook:Secret", WebhookSecret);
        b.UseSetting("Promotion:Outbox:PollSeconds", "0.1");
        b.UseSetting("Promotion:Outbox:RetrySeconds", "0.3");
        b.UseSetting("Promotion:Outbox:MaxAttempts", "1000");
    }

    public async ValueTask DisposeAsync()
    {
        Smtp.Dispose();
        await Hooks.DisposeAsync();
    }
}

public sealed class PromotionSqliteApp : SqliteApp
{
    public PromotionRig Rig { get; } = new();
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); Rig.Configure(builder); }
    public override async ValueTask DisposeAsync() { await base.DisposeAsync(); await Rig.DisposeAsync(); }
}

public sealed class PromotionPostgresApp : PostgresApp
{
    public PromotionRig Rig { get; } = new();
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); Rig.Configure(builder); }
    public override async ValueTask DisposeAsync() { await base.DisposeAsync(); await Rig.DisposeAsync(); }
}
