using Huodong.Web.Data;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Preparation.Promotion.Outbox;

/// <summary>A claimed delivery with what the sender needs: the message, and the recipient's address for email.</summary>
public sealed record DeliveryJob(Guid Id, Guid? PromotionId, Guid ActivityId, PromotionChannel Channel, string Title,
    string Body, string? Email, int Attempt, DateTimeOffset CreatedAt);

/// <summary>
/// The database outbox (DESIGN.md principle 1): due rows are claimed with a conditional UPDATE that only one
/// instance can win, sent, then marked Sent, or given a later attempt with backoff, or Failed after the last one.
/// Rows of a channel that is not configured are not claimed at all: they wait, and the readiness check can say so.
/// </summary>
public sealed class DeliveryOutbox(HuodongDb db, TimeProvider time, IOptions<PromotionOptions> options,
    IOptions<SmtpOptions> smtp, IEnumerable<IDeliveryChannel> senders, NotificationMail notificationMail, ILogger<DeliveryOutbox> log)
{
    private OutboxSettings Settings => options.Value.Outbox;

    public IReadOnlyList<PromotionChannel> ConfiguredChannels() =>
        Enum.GetValues<PromotionChannel>().Where(c => c switch
        {
            PromotionChannel.Announcement => false,
            PromotionChannel.Email => smtp.Value.IsConfigured,
            _ => options.Value.Target(c) is not null,
        }).ToList();

    /// <summary>Claims and sends one batch of due rows (of one channel, when given); returns how many it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct, PromotionChannel? only = null)
    {
        var channels = ConfiguredChannels().Where(c => only is null || c == only).ToList();
        if (channels.Count == 0) return 0;
        var now = time.UtcNow();
        // Candidates are read without a lock; the claim below decides. DateTimeOffset is compared in memory for SQLite.
        var due = await db.Set<Delivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && channels.Contains(d.Channel))
            .Select(d => new { d.Id, d.NextAttemptAt, d.ClaimedUntil }).ToListAsync(ct);
        var ids = due.Where(d => d.NextAttemptAt <= now && (d.ClaimedUntil is null || d.ClaimedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Take(Settings.BatchSize).Select(d => d.Id).ToList();
        var handled = 0;
        foreach (var id in ids)
        {
            if (ct.IsCancellationRequested) break;
            if (await ClaimAsync(id, now, ct) is not { } token) continue; // another instance won it
            handled++;
            await SendClaimedAsync(id, token, ct);
        }
        return handled;
    }

    /// <summary>
    /// The claim: one UPDATE that succeeds only while the row is still pending and unclaimed (or its claim has
    /// lapsed) and carries the attempt count it was read with. Two instances may try; the database lets one win.
    /// </summary>
    private async Task<Guid?> ClaimAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.Set<Delivery>().AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Status, d.Attempts, d.ClaimedUntil }).FirstOrDefaultAsync(ct);
        if (row is null || row.Status != DeliveryStatus.Pending || (row.ClaimedUntil is { } until && until >= now)) return null;
        var token = Guid.NewGuid();
        var until2 = now.AddSeconds(Settings.ClaimSeconds);
        var won = await db.Set<Delivery>()
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && d.Attempts == row.Attempts
                        && d.ClaimedUntil == row.ClaimedUntil)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedUntil, until2)
                .SetProperty(d => d.Attempts, row.Attempts + 1), ct);
        return won == 1 ? token : null;
    }

    private async Task SendClaimedAsync(Guid id, Guid token, CancellationToken ct)
    {
        var job = await LoadAsync(id, ct);
        if (job is null)
        {
            // A notification email to a member who has turned email off since: consent is asked at sending time.
            await db.Set<Delivery>().Where(d => d.Id == id && d.ClaimToken == token).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Skipped).SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
            return;
        }
        string? error;
        try
        {
            var sender = senders.First(s => s.Handles(job.Channel));
            error = await sender.SendAsync(job, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
        }
        var now = time.UtcNow();
        var mine = db.Set<Delivery>().Where(d => d.Id == id && d.ClaimToken == token);
        if (error is null)
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sent).SetProperty(d => d.SentAt, now)
                .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null).SetProperty(d => d.LastError, (string?)null), CancellationToken.None);
            return;
        }
        if (error.Length > 1000) error = error[..1000];
        var failed = job.Attempt >= Settings.MaxAttempts;
        log.LogWarning("Promotion delivery {Id} ({Channel}) attempt {Attempt} failed: {Error}", id, job.Channel, job.Attempt, error);
        await mine.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, failed ? DeliveryStatus.Failed : DeliveryStatus.Pending)
            .SetProperty(d => d.NextAttemptAt, now + Settings.Backoff(job.Attempt))
            .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(d => d.LastError, error), CancellationToken.None);
    }

    /// <summary>What to send; null for a notification email the member no longer wants.</summary>
    private async Task<DeliveryJob?> LoadAsync(Guid id, CancellationToken ct)
    {
        var notificationId = await db.Set<Delivery>().Where(d => d.Id == id).Select(d => d.NotificationId).FirstAsync(ct);
        if (notificationId is { } nid) return await notificationMail.ComposeAsync(id, nid, ct);
        var q = from d in db.Set<Delivery>().AsNoTracking()
                join p in db.Set<Promotion>() on d.PromotionId equals (Guid?)p.Id
                where d.Id == id
                select new { d.Id, PromotionId = (Guid?)p.Id, p.ActivityId, d.Channel, p.Title, p.Body, d.RecipientId, d.Attempts, p.CreatedAt };
        var row = await q.FirstAsync(ct);
        // The account email is sealed: read as a column of its own (the converter decrypts it), not inside an expression.
        var email = row.RecipientId is { } rid
            ? await db.Users.AsNoTracking().Where(u => u.Id == rid).Select(u => u.Email).FirstOrDefaultAsync(ct)
            : null;
        return new DeliveryJob(row.Id, row.PromotionId, row.ActivityId, row.Channel, row.Title, row.Body, email, row.Attempts, row.CreatedAt);
    }
}

/// <summary>Sends one delivery of the channels it handles; returns null when sent, else why not.</summary>
public interface IDeliveryChannel
{
    bool Handles(PromotionChannel channel);
    Task<string?> SendAsync(DeliveryJob job, CancellationToken ct);
}
