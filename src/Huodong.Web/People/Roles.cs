namespace Huodong.Web.People;

/// <summary>The roles of DESIGN.md. Names are stored and are part of the contract: rename nothing.</summary>
public static class Roles
{
    public const string Member = "Member";
    public const string Planner = "Planner";
    public const string CommunityHead = "CommunityHead";
    public const string Leader = "Leader";
    public const string Moderator = "Moderator";
    public const string Finance = "Finance";
    public const string Admin = "Admin";

    public static readonly string[] All = [Member, Planner, CommunityHead, Leader, Moderator, Finance, Admin];
    public static readonly string[] Staff = [Planner, CommunityHead, Leader, Moderator, Finance, Admin];
}
