using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Conduct.Cheating;

/// <summary>
/// M3.3 at registration time, after the registration committed (it never refuses anyone): records where the
/// registration came from (<see cref="ClientTrace"/>), then opens a case per registration of
/// <list type="bullet">
/// <item>a burst: <see cref="CheatRules.BurstCount"/> or more registrations for this activity from one network within
/// <see cref="CheatRules.BurstSeconds"/> seconds;</item>
/// <item>a shared device: the device cookie was seen with <see cref="CheatRules.DeviceAccounts"/> or more accounts;</item>
/// <item>a crowded network: <see cref="CheatRules.NetworkAccounts"/> or more registrants of this activity on one network.</item>
/// </list>
/// Sign-ins through the cookie login are traced too (<see cref="RecordSignInAsync"/>), so a device used by several
/// accounts is known before they register.
/// </summary>
public sealed class RegistrationWatch(HuodongDb db, ClientFingerprint fingerprint, IHttpContextAccessor http,
    IOptions<ConductOptions> options, TimeProvider time, ILogger<RegistrationWatch>? log = null,
    Security.Monitoring.RegistrationBurstAlert? burstAlert = null)
{
    /// <summary>Never fails the registration, which has committed: a detection that cannot run is logged and skipped.</summary>
    public async Task AfterRegistrationAsync(Registration registration, CancellationToken ct)
    {
        try { await DetectAsync(registration, ct); }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            db.ChangeTracker.Clear();
            log?.LogWarning(e, "Cheat detection skipped for registration {RegistrationId}", registration.Id);
        }
    }

    private async Task DetectAsync(Registration registration, CancellationToken ct)
    {
        var rules = options.Value.Cheating;
        var (network, device) = fingerprint.Of(http.HttpContext);
        if (!rules.Enabled || (network is null && device is null)) return;
        var now = time.UtcNow();
        db.ClientTraces.Add(new ClientTrace(TraceKind.Registration, registration.MemberId, registration.ActivityId,
            registration.Id, network, device, now));
        await Detections.SaveBestEffortAsync(db, ct);

        var found = new List<ModerationCase>();
        if (network is not null)
        {
            var since = now.AddSeconds(-rules.BurstSeconds);
            var burst = await OnNetworkAsync(registration.ActivityId, network, since, ct);
            if (burst.Count >= rules.BurstCount)
            {
                found.AddRange(Cases(registration.ActivityId, burst, "burst", $"{burst.Count} / {rules.BurstSeconds} s", now));
                if (burstAlert is not null) await burstAlert.RaiseAsync(network, burst.Count, rules.BurstSeconds, since, now, ct); // S1.2: a security alert too
            }
            else
            {
                var all = await OnNetworkAsync(registration.ActivityId, network, DateTimeOffset.MinValue, ct);
                if (all.Count >= rules.NetworkAccounts)
                    found.AddRange(Cases(registration.ActivityId, all, "network-cluster", $"{all.Count}", now));
            }
        }
        if (device is not null)
        {
            var accounts = await db.ClientTraces.AsNoTracking().Where(t => t.DeviceHash == device)
                .Select(t => t.MemberId).Distinct().ToListAsync(ct);
            if (accounts.Count >= rules.DeviceAccounts)
            {
                var here = await Registrants(db.Registrations.Where(r => r.ActivityId == registration.ActivityId
                    && accounts.Contains(r.MemberId)), ct);
                found.AddRange(Cases(registration.ActivityId, here, "shared-device", $"{accounts.Count}", now));
            }
        }
        if (found.Count == 0) return;
        await Detections.OpenAsync(db, found, ct);
        await Detections.SaveBestEffortAsync(db, ct);
    }

    /// <summary>A cookie sign-in: traced so that a device shared by several accounts is known (never refuses it).</summary>
    public async Task RecordSignInAsync(Guid memberId, CancellationToken ct)
    {
        var (network, device) = fingerprint.Of(http.HttpContext);
        if (!options.Value.Cheating.Enabled || device is null) return;
        db.ClientTraces.Add(new ClientTrace(TraceKind.SignIn, memberId, null, null, network, device, time.UtcNow()));
        await Detections.SaveBestEffortAsync(db, ct);
    }

    /// <summary>The scan's pass over an activity's traces: every burst window, crowded network and shared device.</summary>
    public async Task<List<ModerationCase>> FindAsync(Guid activityId, DateTimeOffset now, CancellationToken ct)
    {
        var rules = options.Value.Cheating;
        var traces = await db.ClientTraces.AsNoTracking().Where(t => t.ActivityId == activityId && t.RegistrationId != null)
            .Join(db.Registrations.Where(r => r.Status != RegistrationStatus.Cancelled), t => t.RegistrationId, r => r.Id,
                (t, r) => new { t.NetworkHash, t.DeviceHash, t.At, Registrant = new Registrant(r.Id, r.MemberId, r.Number) })
            .ToListAsync(ct);
        var found = new List<ModerationCase>();
        foreach (var network in traces.Where(t => t.NetworkHash != null).GroupBy(t => t.NetworkHash))
        {
            var ordered = network.OrderBy(t => t.At).ToList();
            var window = TimeSpan.FromSeconds(rules.BurstSeconds);
            for (int start = 0, end = 0; end < ordered.Count; end++)
            {
                while (ordered[end].At - ordered[start].At > window) start++;
                if (end - start + 1 < rules.BurstCount) continue;
                var burst = ordered.Skip(start).Take(end - start + 1).Select(t => t.Registrant).ToList();
                found.AddRange(Cases(activityId, burst, "burst", $"{burst.Count} / {rules.BurstSeconds} s", now));
            }
            var all = ordered.Select(t => t.Registrant).DistinctBy(r => r.RegistrationId).OrderBy(r => r.Number).ToList();
            if (all.Count >= rules.NetworkAccounts) found.AddRange(Cases(activityId, all, "network-cluster", $"{all.Count}", now));
        }
        var devices = traces.Where(t => t.DeviceHash != null).Select(t => t.DeviceHash!).Distinct().ToList();
        var accounts = (await db.ClientTraces.AsNoTracking().Where(t => devices.Contains(t.DeviceHash!))
            .Select(t => new { t.DeviceHash, t.MemberId }).Distinct().ToListAsync(ct)).ToLookup(t => t.DeviceHash!, t => t.MemberId);
        foreach (var device in traces.Where(t => t.DeviceHash != null).GroupBy(t => t.DeviceHash!))
        {
            var count = accounts[device.Key].Distinct().Count();
            if (count < rules.DeviceAccounts) continue;
            var here = device.Select(t => t.Registrant).DistinctBy(r => r.RegistrationId).OrderBy(r => r.Number).ToList();
            found.AddRange(Cases(activityId, here, "shared-device", $"{count}", now));
        }
        return found;
    }

    private Task<List<Registrant>> OnNetworkAsync(Guid activityId, string network, DateTimeOffset since, CancellationToken ct) =>
        Registrants(db.Registrations.Where(r => r.ActivityId == activityId && db.ClientTraces.Any(t =>
            t.RegistrationId == r.Id && t.NetworkHash == network && t.At >= since)), ct);

    private static Task<List<Registrant>> Registrants(IQueryable<Registration> query, CancellationToken ct) =>
        query.Where(r => r.Status != RegistrationStatus.Cancelled).OrderBy(r => r.Number)
            .Select(r => new Registrant(r.Id, r.MemberId, r.Number)).ToListAsync(ct);

    /// <summary>One case per registration of the group; the evidence names every entrant code of it, never an address.</summary>
    public static IEnumerable<ModerationCase> Cases(Guid activityId, IReadOnlyList<Registrant> group, string rule, string detail,
        DateTimeOffset now)
    {
        var codes = string.Join(", ", group.Select(g => Registration.CodeFor(g.Number)));
        return group.Select(g => new ModerationCase(CaseSubject.Registration, g.RegistrationId, g.MemberId, activityId,
            ConductCategory.Cheating, CaseSource.Filter, $"{Registration.CodeFor(g.Number)} · {codes} ({detail})", rule, false, now));
    }
}

public sealed record Registrant(Guid RegistrationId, Guid MemberId, long Number);
