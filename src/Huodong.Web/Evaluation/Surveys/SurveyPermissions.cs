using Huodong.Web.People;
using Huodong.Web.Planning;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>Who builds, manages and reads surveys (staff), and who answers them (members in the audience).</summary>
public static class SurveyPermissions
{
    /// <summary>
    /// A survey of an activity is the team's, with the community head and admins; a survey of no activity (needs
    /// research before a plan exists, P2.1) belongs to planners, the head and admins.
    /// </summary>
    public static bool CanManage(Actor actor, Activity? activity) =>
        actor.IsSignedIn && (actor.Is(Roles.CommunityHead) || actor.Is(Roles.Admin)
            || (activity is null ? actor.Is(Roles.Planner) : activity.IsOnTeam(actor.Id)));

    /// <summary>Only members answer: staff views would skew what members think.</summary>
    public static bool CanAnswer(Actor actor) => actor.IsSignedIn && actor.Is(Roles.Member);
}
