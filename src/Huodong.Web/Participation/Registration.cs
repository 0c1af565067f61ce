namespace Huodong.Web.Participation;

/// <summary><see cref="Disqualified"/>: removed by a conduct decision (M3.3); only Confirmed registrations are entrants.</summary>
public enum RegistrationStatus { Confirmed, Waitlisted, Cancelled, Disqualified }

/// <summary>
/// A member's registration for an activity (M2.1, M2.2). Personal values are stored only as protected ciphertext
/// with a blind index beside them for lookup and duplicate detection (S2.2); <see cref="Code"/> is the public,
/// non-personal entrant code used by draws (DRAW.md).
/// </summary>
public class Registration
{
    private Registration() { }

    public Registration(Guid activityId, Guid memberId, long number, RegistrationStatus status, ProtectedContact contact,
        string? answersJson, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        MemberId = memberId;
        Number = number;
        Status = status;
        Contact = contact;
        AnswersJson = answersJson;
        CreatedAt = at;
        StatusChangedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid MemberId { get; private set; }
    /// <summary>Order of arrival within the activity (1, 2, …): the waitlist is promoted in this order.</summary>
    public long Number { get; private set; }
    public RegistrationStatus Status { get; private set; }
    public ProtectedContact Contact { get; private set; } = null!;
    /// <summary>Answers to the activity's own questions, protected like the contact details.</summary>
    public string? AnswersJson { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>M3.3: a moderator's decision takes the member out of the activity; an upheld appeal puts them back.</summary>
    /// <summary>PIPL erasure: the contact details give way to empty ones (still encrypted) and the answers go.</summary>
    public void Erase(ProtectedContact erased)
    {
        Contact = erased;
        AnswersJson = null;
    }

    public void Disqualify(DateTimeOffset at) { PreviousStatus = Status; Status = RegistrationStatus.Disqualified; StatusChangedAt = at; }
    public void Reinstate(RegistrationStatus to, DateTimeOffset at)
    {
        if (Status != RegistrationStatus.Disqualified) return;
        Status = to;
        StatusChangedAt = at;
    }
    /// <summary>The status before a disqualification, to restore on an overturned decision.</summary>
    public RegistrationStatus? PreviousStatus { get; private set; }

    /// <summary>The entrant code a draw publishes instead of personal data: R + the arrival number.</summary>
    public string Code => CodeFor(Number);

    /// <summary>The entrant code of arrival number <paramref name="number"/>, so queries can select the number alone.</summary>
    public static string CodeFor(long number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"R{number:000000}");
}

/// <summary>Real name, phone and optional email, each as protected ciphertext, with blind indexes for lookup.</summary>
public sealed record ProtectedContact(string RealName, string Phone, string PhoneIndex, string? Email, string? EmailIndex);
