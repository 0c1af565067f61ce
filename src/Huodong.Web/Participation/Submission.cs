namespace Huodong.Web.Participation;

public enum SubmissionStatus { Accepted, Pending, Rejected, Held, Removed }

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

    /// <summary>
    /// Held by the conduct filter (M3.2) until a moderator approves it: then it is accepted, or pending when it is
    /// task evidence staff still confirm. Removed by a moderator's decision; an overturned decision restores it.
    /// </summary>
    public void Hold() => Status = SubmissionStatus.Held;
    public void Release() { if (Status == SubmissionStatus.Held) Status = TaskKey is null ? SubmissionStatus.Accepted : SubmissionStatus.Pending; }
    public void Remove() => Status = SubmissionStatus.Removed;
    public void Restore() { if (Status == SubmissionStatus.Removed) Status = TaskKey is null ? SubmissionStatus.Accepted : SubmissionStatus.Pending; }

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
