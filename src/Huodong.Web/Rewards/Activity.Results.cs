using Huodong.Web.Shared;

namespace Huodong.Web.Planning;

/// <summary>
/// E3.1 and E3.2 on the activity's own lifecycle (DESIGN.md): Ended → ResultsPublished when the team publishes the
/// results, ResultsPublished → Closed when every award is settled. The Rewards area decides what is published and
/// whether the awards are settled; the activity only checks who moves it and from which state.
/// </summary>
public partial class Activity
{
    /// <summary>Ended → ResultsPublished, by a member of the team (E3.1 "published promptly after the end").</summary>
    public Result PublishResults(Guid actorId, DateTimeOffset at)
    {
        if (!IsOnTeam(actorId)) return ActivityErrors.NotOnTeam;
        if (Status != ActivityStatus.Ended) return ActivityErrors.WrongState(Status);
        Move(ActivityStatus.ResultsPublished, "activity.results.published", actorId, at, null);
        return Result.Ok;
    }
}
