namespace Huodong.Web.Participation;

/// <summary>
/// E2.3 interaction: a comment in an activity's discussion, possibly a question, possibly a reply to another
/// comment. A staff reply to a question is the official answer and marks the question answered.
/// </summary>
public class Comment
{
    private Comment() { }

    public Comment(Guid activityId, Guid authorId, Guid? parentId, string body, bool isQuestion, bool isOfficial, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        AuthorId = authorId;
        ParentId = parentId;
        Body = body;
        IsQuestion = isQuestion;
        IsOfficial = isOfficial;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid AuthorId { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Body { get; private set; } = "";
    public bool IsQuestion { get; private set; }
    /// <summary>Written by staff: shown as the organiser's official word.</summary>
    public bool IsOfficial { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>For questions: when staff first answered.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }
    public int LikeCount { get; private set; }

    /// <summary>Held by the conduct filter (M3.2): only its author sees it until a moderator approves it.</summary>
    public bool IsHeld { get; private set; }
    /// <summary>Removed by a moderator's decision: kept as evidence, shown to nobody.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public void MarkAnswered(DateTimeOffset at) => AnsweredAt ??= at;

    public void Hold() => IsHeld = true;
    public void Release() => IsHeld = false;
    public void Remove(DateTimeOffset at) => RemovedAt ??= at;
    public void Restore() => RemovedAt = null;
}

/// <summary>One member's like of one comment; the key makes a second like impossible.</summary>
public class CommentLike
{
    private CommentLike() { }
    public CommentLike(Guid commentId, Guid memberId, DateTimeOffset at)
    {
        CommentId = commentId;
        MemberId = memberId;
        At = at;
    }

    public Guid CommentId { get; private set; }
    public Guid MemberId { get; private set; }
    public DateTimeOffset At { get; private set; }
}
