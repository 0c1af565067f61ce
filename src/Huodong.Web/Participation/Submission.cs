namespace Huodong.Web.Participation;

public enum SubmissionStatus { Accepted, Pending, Rejected }

/// <summary>
/// What a registered member hands in while the activity is live (M2.1): a reply that must meet the plan's rule,
/// or evidence that a task is done, which staff confirm.
/// </summary>
public class Submission
{
    private Submission() { }

    public Submission(Guid activityId, Guid memberId, string content, string? taskKey, SubmissionStatus status, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        MemberId = memberId;
        Content = content;
        TaskKey = taskKey;
        Status = status;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid MemberId { get; private set; }
    public string Content { get; private set; } = "";
    public string? TaskKey { get; private set; }
    public SubmissionStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewNote { get; private set; }

    /// <summary>Staff confirm or refuse task evidence; only pending evidence can be decided.</summary>
    public bool Decide(bool accept, Guid staffId, string? note, DateTimeOffset at)
    {
        if (Status != SubmissionStatus.Pending) return false;
        Status = accept ? SubmissionStatus.Accepted : SubmissionStatus.Rejected;
        ReviewedBy = staffId;
        ReviewedAt = at;
        ReviewNote = note;
        return true;
    }
}
