namespace Huodong.Web.Security.Monitoring;

/// <summary>
/// S1.2: a registration burst from one network is a security event as well as a conduct case. The cheat detection
/// (<see cref="Conduct.Cheating.RegistrationWatch"/>) finds it and hands it here; nothing is detected twice.
/// </summary>
public sealed class RegistrationBurstAlert(SecurityAlerts alerts)
{
    public async Task RaiseAsync(string networkHash, int registrations, int windowSeconds, DateTimeOffset firstSeen,
        DateTimeOffset now, CancellationToken ct)
    {
        var since = await alerts.OpenSinceAsync(AlertKind.RegistrationBurst, networkHash, ct);
        await alerts.RaiseAsync(new AlertHit(AlertKind.RegistrationBurst, AlertSeverity.Warning, networkHash,
            SignInWatch.NetworkLabel(networkHash), registrations, (windowSeconds + 59) / 60, since ?? firstSeen, now), ct);
    }
}
