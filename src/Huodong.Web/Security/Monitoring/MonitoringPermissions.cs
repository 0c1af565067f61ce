using Huodong.Web.People;

namespace Huodong.Web.Security.Monitoring;

/// <summary>Security alerts are for admins: they name staff members and describe attacks (S1.2).</summary>
public static class MonitoringPermissions
{
    public static bool CanSeeAlerts(Actor actor) => actor.Is(Roles.Admin);
}
