namespace Huodong.Web.Preparation.Promotion;

/// <summary>The ways a promotion reaches members (E1.4): the portal, email, and group-bot webhooks.</summary>
public enum PromotionChannel { Announcement, Email, WeCom, DingTalk, Feishu, Webhook }

/// <summary>Skipped: a notification email to a member who had turned email off by the time it was due.</summary>
public enum DeliveryStatus { Pending, Sent, Failed, Skipped }

/// <summary>
/// A promotion message composed once for an activity (E1.4) and sent through channels. Each channel (and each email
/// recipient) has its own <see cref="Delivery"/>, which the outbox worker sends and retries.
/// </summary>
public sealed class Promotion
{
    private readonly List<Delivery> _deliveries = [];

    private Promotion() { }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>Markdown.</summary>
    public string Body { get; private set; } = "";
    /// <summary>The channels chosen, comma-separated in <see cref="PromotionChannel"/> order.</summary>
    public string Channels { get; private set; } = "";
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<Delivery> Deliveries => _deliveries;

    public IReadOnlyList<PromotionChannel> ChannelList =>
        Channels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<PromotionChannel>).ToList();

    /// <summary>
    /// Composes the promotion with one delivery per channel; email gets one per recipient. The announcement is shown
    /// on the portal as soon as the promotion is saved, so its delivery is sent at once.
    /// </summary>
    public static Promotion Compose(Guid activityId, string title, string body, IReadOnlyCollection<PromotionChannel> channels,
        IReadOnlyCollection<Guid> emailRecipients, Guid by, DateTimeOffset at)
    {
        var p = new Promotion
        {
            Id = Guid.NewGuid(), ActivityId = activityId, Title = title, Body = body, CreatedBy = by, CreatedAt = at,
            Channels = string.Join(',', channels.Distinct().Order()),
        };
        foreach (var channel in channels.Distinct().Order())
        {
            if (channel == PromotionChannel.Email)
                foreach (var r in emailRecipients) p._deliveries.Add(new Delivery(p.Id, channel, r, at));
            else if (channel == PromotionChannel.Announcement)
                p._deliveries.Add(Delivery.SentNow(p.Id, channel, at));
            else
                p._deliveries.Add(new Delivery(p.Id, channel, null, at));
        }
        return p;
    }
}

/// <summary>
/// One message to one channel (or one email recipient): an outbox row. The worker claims it with a conditional
/// update (<see cref="Outbox.DeliveryOutbox"/>), so it is sent by one instance at a time, and retried with backoff
/// until it is sent or has used up its attempts.
/// </summary>
public sealed class Delivery
{
    private Delivery() { }

    public Delivery(Guid promotionId, PromotionChannel channel, Guid? recipientId, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        PromotionId = promotionId;
        Channel = channel;
        RecipientId = recipientId;
        Status = DeliveryStatus.Pending;
        NextAttemptAt = at;
    }

    /// <summary>
    /// A member notification's email (E2.1 "member notifications also go by email"): queued with every in-app
    /// notification, in the same unit of work; whether the member still opts in is asked when it is sent.
    /// </summary>
    public static Delivery ForNotification(Guid notificationId, Guid recipientId, DateTimeOffset at) =>
        new() { Id = Guid.NewGuid(), NotificationId = notificationId, Channel = PromotionChannel.Email, RecipientId = recipientId,
            Status = DeliveryStatus.Pending, NextAttemptAt = at };

    public static Delivery SentNow(Guid promotionId, PromotionChannel channel, DateTimeOffset at) =>
        new(promotionId, channel, null, at) { Status = DeliveryStatus.Sent, SentAt = at };

    public Guid Id { get; private set; }
    /// <summary>The promotion this sends; null for a notification's email.</summary>
    public Guid? PromotionId { get; private set; }
    /// <summary>The in-app notification this emails; null for a promotion's delivery.</summary>
    public Guid? NotificationId { get; private set; }
    public PromotionChannel Channel { get; private set; }
    /// <summary>The member an email goes to; their address is read when sending, so it is never copied here.</summary>
    public Guid? RecipientId { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    /// <summary>Set while an instance holds the row; a claim that outlives it (a crash) lets another retry.</summary>
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
}
