using Huodong.Web.Shared;
using Huodong.Web.Conduct.Cheating;
using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Security.Monitoring;

/// <summary>
/// ASVS V16.3.1 / S1.2: records every password sign-in attempt (page and <c>POST /api/auth/login</c>) and, on a
/// failure, checks the two burst rules at once — one account failing <see cref="AlertOptions.AccountFailures"/> times,
/// or one network failing <see cref="AlertOptions.NetworkFailures"/> times across accounts, within the window. Two
/// indexed counts on a failure only: cheap enough to run in the sign-in request itself, so an attack is visible the
/// moment it crosses the threshold. Never changes the sign-in's outcome: a detection that cannot run is logged.
/// </summary>
public sealed class SignInWatch(HuodongDb db, FieldProtector protector, ClientFingerprint fingerprint, IHttpContextAccessor http,
    SecurityAlerts alerts, IOptions<AlertOptions> options, TimeProvider time, ILogger<SignInWatch> log)
{
    private const string AccountPurpose = "security.sign-in.account";

    public async Task RecordAsync(string? typedEmail, bool succeeded, CancellationToken ct)
    {
        if (PersonalData.NormaliseEmail(typedEmail) is not { } email) return;
        try { await DetectAsync(email, succeeded, ct); }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            log.LogWarning(e, "Sign-in monitoring skipped an attempt.");
        }
    }

    private async Task DetectAsync(string email, bool succeeded, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.UtcNow();
        var account = protector.BlindIndex(email, AccountPurpose);
        var network = fingerprint.Of(http.HttpContext).Network;
        var attempt = db.Add(new SignInAttempt(now, succeeded, account, network));
        await db.SaveChangesAsync(ct);
        attempt.State = EntityState.Detached;
        if (succeeded) return;

        var window = now.AddMinutes(-o.SignInWindowMinutes);
        var attempts = db.Set<SignInAttempt>().AsNoTracking().Where(a => !a.Succeeded);
        // Counts, not rows: a heavy attack must not make each failed sign-in read every earlier failure.
        var since = await alerts.OpenSinceAsync(AlertKind.FailedSignInsAccount, account, ct);
        var byAccount = attempts.Where(a => a.AccountHash == account && a.At >= (since ?? window));
        var failures = await byAccount.CountAsync(ct);
        if (since is not null || failures >= o.AccountFailures)
            await alerts.RaiseAsync(new AlertHit(AlertKind.FailedSignInsAccount, AlertSeverity.High, account,
                PersonalData.MaskEmail(email), failures, o.SignInWindowMinutes, since ?? await byAccount.MinAsync(a => a.At, ct), now), ct);
        if (network is null) return;
        since = await alerts.OpenSinceAsync(AlertKind.FailedSignInsNetwork, network, ct);
        var fromNetwork = attempts.Where(a => a.NetworkHash == network && a.At >= (since ?? window));
        var count = await fromNetwork.CountAsync(ct);
        if (since is not null || count >= o.NetworkFailures)
            await alerts.RaiseAsync(new AlertHit(AlertKind.FailedSignInsNetwork, AlertSeverity.High, network,
                NetworkLabel(network), count, o.SignInWindowMinutes, since ?? await fromNetwork.MinAsync(a => a.At, ct), now), ct);
    }

    /// <summary>A network named by the first characters of its keyed hash: the same label for the same network, no address.</summary>
    public static string NetworkLabel(string networkHash) => "#" + networkHash[..Math.Min(10, networkHash.Length)];

    /// <summary>Attempts older than <see cref="AlertOptions.AttemptDays"/> go (run by the daily monitoring job).</summary>
    public Task<int> PruneAsync(CancellationToken ct)
    {
        var cutoff = time.UtcNow().AddDays(-options.Value.AttemptDays);
        return db.Set<SignInAttempt>().Where(a => a.At < cutoff).ExecuteDeleteAsync(ct);
    }
}
