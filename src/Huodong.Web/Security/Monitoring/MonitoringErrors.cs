using Huodong.Web.Shared;

namespace Huodong.Web.Security.Monitoring;

public static class MonitoringErrors
{
    public static readonly Error AlertNotFound = Error.NotFound("Alert");
    public static readonly Error AlreadyAcknowledged = new(ErrorKind.Conflict, "alert-acknowledged", "This alert has been acknowledged already.");
}
