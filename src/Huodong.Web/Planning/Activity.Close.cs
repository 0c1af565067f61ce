using Huodong.Web.Shared;

namespace Huodong.Web.Planning;

public partial class Activity
{
    /// <summary>
    /// Ended or ResultsPublished → Closed by the team. B2.3: the budget must be settled first; the Budget area says
    /// whether it is (<paramref name="budgetSettled"/>), so the rule lives on the transition itself.
    /// </summary>
    public Result Close(Guid actorId, bool budgetSettled, DateTimeOffset at)
    {
        if (!IsOnTeam(actorId)) return ActivityErrors.NotOnTeam;
        if (Status is not (ActivityStatus.Ended or ActivityStatus.ResultsPublished)) return ActivityErrors.WrongState(Status);
        if (!budgetSettled) return ActivityErrors.SettlementRequired;
        Move(ActivityStatus.Closed, "activity.closed", actorId, at, null);
        return Result.Ok;
    }
}
