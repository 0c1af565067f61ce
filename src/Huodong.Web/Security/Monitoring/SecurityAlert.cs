using Huodong.Web.Shared;

namespace Huodong.Web.Security.Monitoring;

public enum AlertKind { FailedSignInsAccount, FailedSignInsNetwork, PersonalDataBurst, RegistrationBurst, AuditChainBroken }
public enum AlertSeverity { Warning, High, Critical }
public enum AlertStatus { Open, Acknowledged }

/// <summary>
/// One security anomaly an admin should look at (S1.2, ASVS V16.3): what kind, about which subject (described without
/// personal data — a masked account, a network hash prefix, a staff display name), how many events since it was first
/// seen. One alert stays open per kind and subject (a filtered unique index): later hits raise its count and last-seen
/// time instead of piling up. An admin acknowledges it with a note; a later hit then opens a new one.
/// </summary>
public class SecurityAlert
{
    private SecurityAlert() { }

    public SecurityAlert(AlertKind kind, AlertSeverity severity, string subjectKey, string subject, int count,
        int windowMinutes, DateTimeOffset firstSeen, DateTimeOffset lastSeen)
    {
        Id = Guid.CreateVersion7(lastSeen);
        Kind = kind;
        Severity = severity;
        SubjectKey = subjectKey;
        Subject = subject;
        Count = count;
        WindowMinutes = windowMinutes;
        FirstSeen = firstSeen;
        LastSeen = lastSeen;
        Status = AlertStatus.Open;
    }

    public Guid Id { get; private set; }
    public AlertKind Kind { get; private set; }
    public AlertSeverity Severity { get; private set; }
    /// <summary>What identifies the subject for de-duplication: a keyed hash, an actor id, an audit sequence.</summary>
    public string SubjectKey { get; private set; } = "";
    /// <summary>How the subject is shown: never a plain email, address or phone.</summary>
    public string Subject { get; private set; } = "";
    public int Count { get; private set; }
    /// <summary>The detection window the threshold applies to, in minutes (0 when the alert is not about a rate).</summary>
    public int WindowMinutes { get; private set; }
    public DateTimeOffset FirstSeen { get; private set; }
    public DateTimeOffset LastSeen { get; private set; }
    public AlertStatus Status { get; private set; }
    public Guid? AcknowledgedBy { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgeNote { get; private set; }

    public const int MaxNote = 1000;

    public Result Acknowledge(Guid actorId, string? note, DateTimeOffset at)
    {
        if (Status != AlertStatus.Open) return MonitoringErrors.AlreadyAcknowledged;
        var trimmed = note?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return Error.Field("note", "Required.");
        if (trimmed.Length > MaxNote) return Error.Field("note", "Must be at most 1000 characters.");
        Status = AlertStatus.Acknowledged;
        AcknowledgedBy = actorId;
        AcknowledgedAt = at;
        AcknowledgeNote = trimmed;
        return Result.Ok;
    }
}
