using System.Linq.Expressions;
using Huodong.Web.People;

namespace Huodong.Web.Planning;

/// <summary>
/// Who may see and do what with a plan (DESIGN.md "People and roles"). Pages use the same rules to show or hide
/// actions. A plan the caller may not see is "not found" to them.
/// </summary>
public static class PlanningPermissions
{
    public static bool CanCreate(Actor actor) => actor.Is(Roles.Planner);

    /// <summary>The same rule as <see cref="CanSee"/>, as a query filter.</summary>
    public static Expression<Func<Activity, bool>> Visible(Actor actor)
    {
        var uid = actor.UserId ?? Guid.Empty;
        var head = actor.Is(Roles.CommunityHead);
        var leader = actor.Is(Roles.Leader);
        var otherStaff = actor.Is(Roles.Admin) || actor.Is(Roles.Moderator) || actor.Is(Roles.Finance);
        return a => a.ApprovedVersion != null
                    || head
                    || (leader && a.ReachedLeader)
                    || (otherStaff && a.Status != ActivityStatus.Draft)
                    || a.Team.Any(t => t.UserId == uid);
    }

    public static bool CanSee(Actor actor, Activity a) =>
        a.IsPublished || (actor.IsSignedIn && (a.IsOnTeam(actor.Id) || actor.Is(Roles.CommunityHead)
            || (actor.Is(Roles.Leader) && a.ReachedLeader)
            || ((actor.Is(Roles.Admin) || actor.Is(Roles.Moderator) || actor.Is(Roles.Finance)) && a.Status != ActivityStatus.Draft)));

    /// <summary>
    /// The working plan, its internal parts (resources, risks, budget, team) and its history are for the team and
    /// the reviewers (S2.2); everyone else sees the approved plan's public parts.
    /// </summary>
    public static bool SeesInternals(Actor actor, Activity a) =>
        actor.IsSignedIn && (a.IsOnTeam(actor.Id) || actor.Is(Roles.CommunityHead) || actor.Is(Roles.Admin)
            || (actor.Is(Roles.Leader) && a.ReachedLeader));

    public static bool CanEdit(Actor actor, Activity a) => actor.IsSignedIn && a.IsOnTeam(actor.Id);

    public static bool CanCancel(Actor actor, Activity a) =>
        actor.IsSignedIn && (a.IsOnTeam(actor.Id) || actor.Is(Roles.Leader)) && a.Status.IsCancellable();

    /// <summary>The stage this actor reviews at, if they are a reviewer at all.</summary>
    public static Approval.ReviewStage? ReviewStageOf(Actor actor) =>
        actor.Is(Roles.CommunityHead) ? Approval.ReviewStage.Head
        : actor.Is(Roles.Leader) ? Approval.ReviewStage.Leader
        : null;

    public static bool CanReviewNow(Actor actor, Activity a) =>
        actor.IsSignedIn && a.OpenReview is { } open && ReviewStageOf(actor) == open.Stage
        && a.AuthorId != actor.Id && !a.IsOnTeam(actor.Id);
}
