namespace Huodong.Web.Evaluation.Feedback;

/// <summary>
/// A member's private feedback to an activity's team (V2.3), and the messages that follow it. What members write to
/// staff privately may be personal, so the text is stored encrypted (S2.2) and never logged.
/// </summary>
public sealed class FeedbackThread
{
    private FeedbackThread() { }

    public FeedbackThread(Guid activityId, Guid memberId, string protectedBody, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        MemberId = memberId;
        Body = protectedBody;
        CreatedAt = LastMessageAt = at;
    }

    public const int MaxBody = 5000;

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid MemberId { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastMessageAt { get; private set; }
    /// <summary>When staff first replied: the thread counts as answered (V1.2 feedback figures).</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }
    public int Replies { get; private set; }

    public FeedbackReply Reply(Guid authorId, bool fromStaff, string protectedBody, DateTimeOffset at)
    {
        if (fromStaff) AnsweredAt ??= at;
        LastMessageAt = at;
        Replies++;
        return new FeedbackReply(Id, authorId, fromStaff, protectedBody, at);
    }
}

public sealed class FeedbackReply
{
    private FeedbackReply() { }

    public FeedbackReply(Guid threadId, Guid authorId, bool fromStaff, string protectedBody, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ThreadId = threadId;
        AuthorId = authorId;
        FromStaff = fromStaff;
        Body = protectedBody;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ThreadId { get; private set; }
    public Guid AuthorId { get; private set; }
    public bool FromStaff { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
