using Microsoft.Extensions.Options;

namespace Huodong.Web.Preparation.Promotion.Outbox;

/// <summary>
/// Drains the promotion outbox in the background: every instance may run one; the claim in
/// <see cref="DeliveryOutbox"/> keeps them from sending the same row twice.
/// </summary>
public sealed class DeliveryWorker(IServiceScopeFactory scopes, IOptions<PromotionOptions> options, ILogger<DeliveryWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Outbox;
        if (!settings.Enabled) return;
        var idle = TimeSpan.FromSeconds(Math.Max(0.05, settings.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                using var scope = scopes.CreateScope();
                handled = await scope.ServiceProvider.GetRequiredService<DeliveryOutbox>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly away; the rows stay and the next round tries again.
                log.LogWarning(ex, "The promotion outbox round failed.");
            }
            if (handled == 0)
            {
                try { await Task.Delay(idle, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
