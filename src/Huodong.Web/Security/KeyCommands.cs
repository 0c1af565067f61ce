using System.Globalization;

namespace Huodong.Web.Security;

/// <summary>
/// Commands of the app, run instead of the web server: <c>rotate-keys</c> adds a new active key to the key file
/// (the old ones stay) and re-encrypts every sealed column to it; <c>re-encrypt</c> only re-encrypts to the active key
/// (after a key was added in configuration, or to resume an interrupted run). <c>--batch N</c> sets the rows per
/// transaction. Both are safe while instances of the app run (see <see cref="KeyRing"/> and <see cref="Reencryption"/>).
/// </summary>
public static class KeyCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var rotate = args.Contains("rotate-keys");
        if (!rotate && !args.Contains("re-encrypt")) return false;
        var at = Array.IndexOf(args, "--batch");
        var batch = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : Reencryption.DefaultBatch;
        var ring = app.Services.GetRequiredService<KeyRing>();
        if (rotate)
        {
            var id = ring.Rotate();
            Console.WriteLine($"New active key {id} added to {ring.KeyFile}; old keys kept: {string.Join(", ", ring.Keys.Keys.Where(k => k != id))}.");
        }
        using var scope = app.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<Reencryption>();
        await job.StartAsync(null, again: !rotate, CancellationToken.None);
        await job.RunAsync(batch, p => Console.WriteLine(
            $"{p.Table}: {p.Done}/{p.Total} rows, {p.Resealed} re-encrypted{(p.Completed ? " — done" : "")}"), CancellationToken.None);
        Console.WriteLine($"Every sealed column is on key {ring.ActiveKeyId}.");
        return true;
    }
}

/// <summary>Wakes the background re-encryption (the console page starts a run, the worker carries it out).</summary>
public sealed class ReencryptionSignal
{
    private readonly SemaphoreSlim _wake = new(0);
    public void Wake() => _wake.Release();
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}

/// <summary>
/// Runs unfinished re-encryptions in the background, batch by batch, with their progress in the database: started
/// from the console page, and resumed after a restart (it looks for unfinished progress rows at start and now and then).
/// </summary>
public sealed class ReencryptionWorker(IServiceScopeFactory scopes, ReencryptionSignal signal, IConfiguration config,
    ILogger<ReencryptionWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = config.GetValue("Security:Reencryption:Batch", Reencryption.DefaultBatch);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<Reencryption>().RunAsync(batch, null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                log.LogError(ex, "Re-encryption stopped; it resumes from its saved position.");
            }
            try { await signal.WaitAsync(TimeSpan.FromMinutes(5), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
