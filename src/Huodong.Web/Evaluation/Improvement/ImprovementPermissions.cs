using Huodong.Web.People;
using Huodong.Web.Planning;

namespace Huodong.Web.Evaluation.Improvement;

/// <summary>Who does what with improvement actions (V3): the source team adds them; owner, team or head change them.</summary>
public static class ImprovementPermissions
{
    /// <summary>Every staff member may read the actions across activities: they are how the community learns.</summary>
    public static bool CanList(Actor actor) => actor.IsSignedIn && actor.IsStaff;

    public static bool CanAdd(Actor actor, Activity source) => actor.IsSignedIn && source.IsOnTeam(actor.Id);

    public static bool CanChange(Actor actor, ImprovementAction action, Activity source) =>
        actor.IsSignedIn && (action.OwnerId == actor.Id || source.IsOnTeam(actor.Id) || actor.Is(Roles.CommunityHead));

    /// <summary>The planner marks an action as applied in the plan they are drafting: the team of that plan.</summary>
    public static bool CanApply(Actor actor, Activity target) => actor.IsSignedIn && target.IsOnTeam(actor.Id);

    /// <summary>V3.3: any staff member may record whether an action worked.</summary>
    public static bool CanJudge(Actor actor) => CanList(actor);

    /// <summary>Actions are added from the summary, so once the activity has ended.</summary>
    public static bool HasEnded(ActivityStatus s) => Summary.SummaryPermissions.HasEnded(s);
}
