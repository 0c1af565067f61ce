using Huodong.Web.People;
using Huodong.Web.Planning;

namespace Huodong.Web.Evaluation;

/// <summary>
/// Who sees an activity's evaluation: those who see its internals (team, head, leader once it reached them,
/// admins) and Finance, whose spend it reports. Members and other staff do not: the figures are the team's.
/// </summary>
public static class EvaluationPermissions
{
    public static bool CanSee(Actor actor, Activity a) =>
        PlanningPermissions.SeesInternals(actor, a) || (actor.Is(Roles.Finance) && a.Status != ActivityStatus.Draft);

    /// <summary>Goals can be measured once the activity runs, until it is closed.</summary>
    public static bool IsMeasurable(ActivityStatus s) =>
        s is ActivityStatus.Live or ActivityStatus.Paused or ActivityStatus.Ended or ActivityStatus.ResultsPublished;
}

public static class EvaluationErrors
{
    public const string UnknownGoal = "The approved plan names no goal of this name.";
}
