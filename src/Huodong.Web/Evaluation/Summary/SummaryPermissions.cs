using Huodong.Web.People;
using Huodong.Web.Planning;

namespace Huodong.Web.Evaluation.Summary;

/// <summary>Who reads and writes an activity's summary (E3.3): written by its team, read by the team and the reviewers.</summary>
public static class SummaryPermissions
{
    /// <summary>The team, the reviewers (community head, leader) and admins.</summary>
    public static bool CanRead(Actor actor, Activity a) =>
        actor.IsSignedIn && (a.IsOnTeam(actor.Id) || actor.Is(Roles.CommunityHead) || actor.Is(Roles.Leader) || actor.Is(Roles.Admin));

    public static bool CanWrite(Actor actor, Activity a) => actor.IsSignedIn && a.IsOnTeam(actor.Id);

    /// <summary>After the end and until the activity is closed.</summary>
    public static bool IsWritable(ActivityStatus s) => s is ActivityStatus.Ended or ActivityStatus.ResultsPublished;

    /// <summary>The summary exists from the end on (and stays readable once closed).</summary>
    public static bool HasEnded(ActivityStatus s) => s is ActivityStatus.Ended or ActivityStatus.ResultsPublished or ActivityStatus.Closed;
}
