using Microsoft.Extensions.Options;

namespace Huodong.Web.Preparation.Promotion.Outbox;

/// <summary>
/// Drains the promotion outbox in the background: every instance may run one; the claim in
/// <see cref="DeliveryOutbox"/> keeps them from sending the same row twice. Each channel has its own loop, so a slow
/// or unreachable SMTP server does not hold up the group bots, nor one bot the others.
/// </summary>
public sealed class DeliveryWorker(IServiceScopeFactory scopes, IOptions<PromotionOptions> options, ILogger<DeliveryWorker> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Outbox.Enabled
        ? Task.WhenAll(Enum.GetValues<PromotionChannel>().Where(c => c != PromotionChannel.Announcement)
            .Select(c => Task.Run(() => DrainAsync(c, stoppingToken), stoppingToken)))
        : Task.CompletedTask;

    private async Task DrainAsync(PromotionChannel channel, CancellationToken stoppingToken)
    {
        var settings = options.Value.Outbox;
        var idle = TimeSpan.FromSeconds(Math.Max(0.05, settings.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                using var scope = scopes.CreateScope();
                handled = await scope.ServiceProvider.GetRequiredService<DeliveryOutbox>().RunOnceAsync(stoppingToken, channel);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly away; the rows stay and the next round tries again.
                log.LogWarning(ex, "The promotion outbox round for {Channel} failed.", channel);
            }
            if (handled == 0)
            {
                try { await Task.Delay(idle, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
