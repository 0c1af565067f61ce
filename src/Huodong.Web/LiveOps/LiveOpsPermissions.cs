using Huodong.Web.People;
using Huodong.Web.Planning;

namespace Huodong.Web.LiveOps;

/// <summary>Who may act on a live activity (API.md "pause · resume": team, Moderator; DESIGN.md: Moderator handles incidents).</summary>
public static class LiveOpsPermissions
{
    /// <summary>Emergency pause and resume, and the live monitoring page: the activity's team and the staff on watch.</summary>
    public static bool CanPause(Actor actor, Activity a) =>
        actor.IsSignedIn && (a.IsOnTeam(actor.Id) || actor.Is(Roles.Moderator));

    public static bool CanMonitor(Actor actor, Activity a) => CanPause(actor, a);

    /// <summary>Incidents (E2.2): the team, the moderators on watch and the community head who answers for them.</summary>
    public static bool CanHandleIncidents(Actor actor, Activity a) =>
        actor.IsSignedIn && (a.IsOnTeam(actor.Id) || actor.Is(Roles.Moderator) || actor.Is(Roles.CommunityHead));
}
