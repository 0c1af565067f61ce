using Huodong.Web.People;

namespace Huodong.Web.Evaluation.Reports;

/// <summary>The community overview (V2.1): the head, the leader, admins and the planners who run the activities.</summary>
public static class OverviewPermissions
{
    public static bool CanSee(Actor actor) =>
        actor.IsSignedIn && (actor.Is(Roles.CommunityHead) || actor.Is(Roles.Leader) || actor.Is(Roles.Admin) || actor.Is(Roles.Planner));
}
