using Huodong.Web.People;
using Huodong.Web.Planning;

namespace Huodong.Web.Preparation;

/// <summary>
/// Who may see and change an activity's preparation (E1): staff who may see the activity read it (moderators need
/// to know who is on watch); only its planning team changes it. Members never see it (it is not found to them).
/// </summary>
public static class PreparationPermissions
{
    public static bool CanView(Actor actor, Activity a) => actor.IsStaff && PlanningPermissions.CanSee(actor, a);

    public static bool CanChange(Actor actor, Activity a) => actor.IsSignedIn && a.IsOnTeam(actor.Id);

    /// <summary>Duties and materials can be planned until the activity ends or is cancelled.</summary>
    public static bool IsOpenForPreparation(ActivityStatus s) => s.IsCancellable();

    /// <summary>A readiness check needs the approved plan (the sandbox registers against it).</summary>
    public static bool CanRunCheckIn(ActivityStatus s) => s is ActivityStatus.Approved or ActivityStatus.Live or ActivityStatus.Paused;
}
