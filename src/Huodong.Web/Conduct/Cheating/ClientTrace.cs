namespace Huodong.Web.Conduct.Cheating;

public enum TraceKind { Registration, SignIn }

/// <summary>
/// Where a registration or a sign-in came from, as keyed hashes only (G3.3, S1.3): the client's network (/24 of an
/// IPv4 address, /48 of an IPv6 one) and its device cookie, each an HMAC with the blind-index key. The raw address
/// is never stored nor logged; the hashes only say "the same network" or "the same browser".
/// </summary>
public class ClientTrace
{
    private ClientTrace() { }

    public ClientTrace(TraceKind kind, Guid memberId, Guid? activityId, Guid? registrationId, string? networkHash,
        string? deviceHash, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        Kind = kind;
        MemberId = memberId;
        ActivityId = activityId;
        RegistrationId = registrationId;
        NetworkHash = networkHash;
        DeviceHash = deviceHash;
        At = at;
    }

    public Guid Id { get; private set; }
    public TraceKind Kind { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid? ActivityId { get; private set; }
    public Guid? RegistrationId { get; private set; }
    public string? NetworkHash { get; private set; }
    public string? DeviceHash { get; private set; }
    public DateTimeOffset At { get; private set; }
}
