using Huodong.Web.People;
using Huodong.Web.Planning;

namespace Huodong.Web.Rewards;

/// <summary>Who may draw (E3.1: results after the end, by the activity's own team; G3.2: anyone may check a draw).</summary>
public static class ResultsPermissions
{
    /// <summary>Draws are made and revealed by the activity's planning team.</summary>
    public static bool CanDraw(Actor actor, Activity a) => actor.IsSignedIn && a.IsOnTeam(actor.Id);

    /// <summary>
    /// After the end (E3.1 "published promptly after the end"): Ended, and ResultsPublished too, because a prize
    /// forfeited during delivery (E3.2) is redrawn after the results are out. Never while entries may still change.
    /// </summary>
    public static bool IsDrawingTime(ActivityStatus s) => s is ActivityStatus.Ended or ActivityStatus.ResultsPublished;
}
