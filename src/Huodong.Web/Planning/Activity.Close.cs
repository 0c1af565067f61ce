using Huodong.Web.Shared;

namespace Huodong.Web.Planning;

public partial class Activity
{
    /// <summary>
    /// Closed by the team once everything after the end is done: the results published when the plan has rewards
    /// (E3.1), every award delivered, confirmed or voided (E3.2), the budget settled (B2.3) and the summary written
    /// (E3.3). The Rewards, Budget and Evaluation areas count what is open (<paramref name="unsettledAwards"/>,
    /// <paramref name="budgetSettled"/>, <paramref name="summaryWritten"/>); the rule lives on the transition itself.
    /// </summary>
    public Result Close(Guid actorId, int unsettledAwards, bool budgetSettled, bool summaryWritten, DateTimeOffset at)
    {
        if (!IsOnTeam(actorId)) return ActivityErrors.NotOnTeam;
        var rewards = (ApprovedPlan?.Rewards.Count ?? 0) > 0;
        if (Status != ActivityStatus.ResultsPublished && !(Status == ActivityStatus.Ended && !rewards))
            return ActivityErrors.WrongState(Status);
        if (unsettledAwards > 0) return Rewards.AwardErrors.AwardsUnsettled(unsettledAwards);
        if (!budgetSettled) return ActivityErrors.SettlementRequired;
        if (!summaryWritten) return Evaluation.Summary.SummaryErrors.Required;
        Move(ActivityStatus.Closed, "activity.closed", actorId, at, null);
        return Result.Ok;
    }
}
