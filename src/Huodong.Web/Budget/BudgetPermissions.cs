using Huodong.Web.People;
using Huodong.Web.Planning;

namespace Huodong.Web.Budget;

/// <summary>Who may see and do what with an activity's money (DESIGN.md: Finance owns B2, the Leader B1.2).</summary>
public static class BudgetPermissions
{
    /// <summary>The team, Finance, the reviewers and admins see the budget and its expenses.</summary>
    public static bool CanSee(Actor actor, Activity a) =>
        actor.IsSignedIn && (a.IsOnTeam(actor.Id) || actor.Is(Roles.Finance) || actor.Is(Roles.Leader)
            || actor.Is(Roles.CommunityHead) || actor.Is(Roles.Admin));

    /// <summary>The activity's team records expenses, attaches vouchers, submits, asks for adjustments and settles.</summary>
    public static bool IsTeam(Actor actor, Activity a) => actor.IsSignedIn && a.IsOnTeam(actor.Id);

    public static bool IsFinance(Actor actor) => actor.IsSignedIn && actor.Is(Roles.Finance);
    public static bool IsLeader(Actor actor) => actor.IsSignedIn && actor.Is(Roles.Leader);

    /// <summary>B1.2: money is spent only once the plan (and so its budget) is approved, and not after settlement.</summary>
    public static bool IsSpendable(ActivityStatus s) => s is ActivityStatus.Approved or ActivityStatus.Live
        or ActivityStatus.Paused or ActivityStatus.Ended or ActivityStatus.ResultsPublished;

    /// <summary>B2.3: settlement after the activity.</summary>
    public static bool IsSettleable(ActivityStatus s) => s is ActivityStatus.Ended or ActivityStatus.ResultsPublished;
}
