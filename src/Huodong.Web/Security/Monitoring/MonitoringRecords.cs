namespace Huodong.Web.Security.Monitoring;

/// <summary>
/// One password sign-in attempt (ASVS V16.3.1): when, whether it succeeded, a keyed hash of the normalised email that
/// was typed (the blind-index key, never the email) and the network's keyed hash (/24 or /48, as the cheat detection
/// computes it). Enough to count failures per account and per network; pruned after <see cref="AlertOptions.AttemptDays"/>.
/// </summary>
public class SignInAttempt
{
    private SignInAttempt() { }

    public SignInAttempt(DateTimeOffset at, bool succeeded, string accountHash, string? networkHash)
    {
        Id = Guid.CreateVersion7(at);
        At = at;
        Succeeded = succeeded;
        AccountHash = accountHash;
        NetworkHash = networkHash;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public bool Succeeded { get; private set; }
    public string AccountHash { get; private set; } = "";
    public string? NetworkHash { get; private set; }
}

/// <summary>The outcome of one scheduled (or manual) verification of the audit chain; the latest is shown to admins.</summary>
public class AuditChainCheck
{
    private AuditChainCheck() { }

    public AuditChainCheck(DateTimeOffset at, bool ok, long entries, long? brokenAt, string? reason)
    {
        At = at;
        Ok = ok;
        Entries = entries;
        BrokenAt = brokenAt;
        Reason = reason;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public bool Ok { get; private set; }
    public long Entries { get; private set; }
    public long? BrokenAt { get; private set; }
    public string? Reason { get; private set; }
}

/// <summary>PIPL art. 19/47: an activity whose registrants' personal data the retention job erased, when and how many.</summary>
public class RegistrationErasure
{
    private RegistrationErasure() { }

    public RegistrationErasure(Guid activityId, DateTimeOffset erasedAt, int registrations)
    {
        ActivityId = activityId;
        ErasedAt = erasedAt;
        Registrations = registrations;
    }

    public Guid ActivityId { get; private set; }
    public DateTimeOffset ErasedAt { get; private set; }
    public int Registrations { get; private set; }

    public void Add(int count) => Registrations += count;
}
