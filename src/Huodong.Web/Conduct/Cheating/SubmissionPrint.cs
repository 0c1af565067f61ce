namespace Huodong.Web.Conduct.Cheating;

/// <summary>
/// A submission's MinHash signature (<see cref="MinHash"/>), kept so that later submissions — in this activity and in
/// later ones — are compared with it without re-reading every text.
/// </summary>
public class SubmissionPrint
{
    private SubmissionPrint() { }

    public SubmissionPrint(Guid submissionId, Guid activityId, Guid memberId, DateTimeOffset at, byte[] signature)
    {
        SubmissionId = submissionId;
        ActivityId = activityId;
        MemberId = memberId;
        At = at;
        Signature = signature;
    }

    public Guid SubmissionId { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid MemberId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public byte[] Signature { get; private set; } = [];
}

/// <summary>One LSH band key of a submission: submissions sharing a key are the candidates compared.</summary>
public class SubmissionBand
{
    private SubmissionBand() { }
    public SubmissionBand(long key, Guid submissionId) { Key = key; SubmissionId = submissionId; }

    public long Key { get; private set; }
    public Guid SubmissionId { get; private set; }
}
