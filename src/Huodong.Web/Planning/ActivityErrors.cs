using Huodong.Web.Shared;

namespace Huodong.Web.Planning;

public static class ActivityErrors
{
    public static readonly Error NotFound = Error.NotFound("Activity");

    public static Error WrongState(ActivityStatus status) =>
        new(ErrorKind.Conflict, "wrong-state", "This cannot be done while the activity is {0}.", [status.ToString()]);

    public static readonly Error NotOnTeam =
        new(ErrorKind.Forbidden, "not-on-team", "Only the activity's planning team may do this.");

    public static readonly Error ReviewerOnTeam =
        new(ErrorKind.Forbidden, "reviewer-on-team", "The author and team members of a plan may not review it.");

    /// <summary>
    /// A reviewer acting at the other level's stage (a leader before the head has passed it, or a head after):
    /// the plan is in the wrong state for them, so 409, as for a late second reviewer in a race.
    /// </summary>
    public static readonly Error NotYourStage =
        new(ErrorKind.Conflict, "wrong-stage", "The plan is not at your review stage.");

    public static readonly Error NothingToReview =
        new(ErrorKind.Conflict, "nothing-to-review", "The plan is not awaiting review.");

    public static readonly Error PassWithFailedPoints = Error.Validation(new Dictionary<string, string[]>
    {
        ["points"] = ["A pass needs all six review points marked OK."],
    });

    public static readonly Error PointsMissing = Error.Validation(new Dictionary<string, string[]>
    {
        ["points"] = ["Give a verdict on each of the six review points."],
    });

    public static readonly Error ReasonRequired = Error.Validation(new Dictionary<string, string[]>
    {
        ["reason"] = ["Required."],
    });

    public const int MaxReasonLength = 2000;

    public static readonly Error ReasonTooLong = Error.Validation(new Dictionary<string, string[]>
    {
        ["reason"] = ["Must be at most 2,000 characters."],
    });

    public static readonly Error ReasonNul = Error.Validation(new Dictionary<string, string[]>
    {
        ["reason"] = [PlanRules.NulCharacter],
    });

    public static readonly Error AmendmentPending =
        new(ErrorKind.Conflict, "amendment-pending", "An amendment is already under review.");

    public static readonly Error NoChange = Error.Validation(new Dictionary<string, string[]>
    {
        ["plan"] = ["The amendment changes nothing in the approved plan."],
    });

    /// <summary>B2.3: an activity is closed only once its budget is settled.</summary>
    public static readonly Error SettlementRequired = new(ErrorKind.BusinessRule, "settlement-required",
        "Settle the budget before closing the activity.");

    public static readonly Error NotYetTime = new(ErrorKind.Conflict, "not-yet-time",
        "The planned time for this step has not come yet.");

    public static readonly Error NotReady = new(ErrorKind.Conflict, "not-ready",
        "The readiness gate does not hold: the activity cannot go live yet.");

    public static readonly Error ConcurrentChange = new(ErrorKind.Conflict, "concurrent-change",
        "Someone else changed this activity at the same time; reload and try again.");

    public static Error Incomplete(Dictionary<string, string[]> missing) =>
        new(ErrorKind.Validation, "plan-incomplete", "The plan is missing parts required for review.", null, missing);
}
