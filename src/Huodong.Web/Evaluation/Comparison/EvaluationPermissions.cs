using Huodong.Web.People;
using Huodong.Web.Planning;

namespace Huodong.Web.Evaluation.Comparison;

/// <summary>Who reads an activity's evaluation, its comparison and its report: its team, the reviewers (head, leader) and admins.</summary>
public static class EvaluationPermissions
{
    public static bool CanSee(Actor actor, Activity a) =>
        actor.IsSignedIn && (a.IsOnTeam(actor.Id) || actor.Is(Roles.CommunityHead) || actor.Is(Roles.Leader) || actor.Is(Roles.Admin));

    /// <summary>The community overview: the head, the leader, admins and the planners who run the activities.</summary>
    public static bool CanSeeOverview(Actor actor) =>
        actor.IsSignedIn && (actor.Is(Roles.CommunityHead) || actor.Is(Roles.Leader) || actor.Is(Roles.Admin) || actor.Is(Roles.Planner));
}
