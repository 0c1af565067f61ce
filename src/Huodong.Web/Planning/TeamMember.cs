namespace Huodong.Web.Planning;

/// <summary>A member of an activity's planning team (P1); the author is one, marked as such.</summary>
public class TeamMember
{
    private TeamMember() { }
    public TeamMember(Guid activityId, Guid userId, bool isAuthor)
    {
        ActivityId = activityId;
        UserId = userId;
        IsAuthor = isAuthor;
    }

    public Guid ActivityId { get; private set; }
    public Guid UserId { get; private set; }
    public bool IsAuthor { get; private set; }
}
