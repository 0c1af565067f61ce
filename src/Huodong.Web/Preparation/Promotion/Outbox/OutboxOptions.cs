namespace Huodong.Web.Preparation.Promotion.Outbox;

/// <summary><c>Email:Smtp</c>: the SMTP server promotions go out through; without a host, email rows wait.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "huodong@localhost";
    public bool UseTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary><c>Promotion:Webhooks:{Channel}</c>: a group bot's URL and its signing secret (optional).</summary>
public sealed class WebhookTarget
{
    public string? Url { get; set; }
    public string? Secret { get; set; }
}

/// <summary><c>Promotion</c>: the webhook targets and how the outbox worker paces itself.</summary>
public sealed class PromotionOptions
{
    public Dictionary<string, WebhookTarget> Webhooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public OutboxSettings Outbox { get; set; } = new();

    public WebhookTarget? Target(PromotionChannel channel) =>
        Webhooks.TryGetValue(channel.ToString(), out var t) && !string.IsNullOrWhiteSpace(t.Url) ? t : null;
}

public sealed class OutboxSettings
{
    public bool Enabled { get; set; } = true;
    /// <summary>How often an idle worker looks for due rows.</summary>
    public double PollSeconds { get; set; } = 5;
    /// <summary>The first retry waits this long; each further one twice as long, up to an hour.</summary>
    public double RetrySeconds { get; set; } = 30;
    public int MaxAttempts { get; set; } = 8;
    /// <summary>How long a claim holds a row; longer than any one send may take.</summary>
    public double ClaimSeconds { get; set; } = 120;
    public int BatchSize { get; set; } = 20;

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, RetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
