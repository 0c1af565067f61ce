using Huodong.Web.Shared;

namespace Huodong.Web.Rewards;

public static class AwardErrors
{
    public static readonly Error NotFound = Error.NotFound("Award");
    public static readonly Error SubmissionNotFound = Error.NotFound("Submission");
    public static readonly Error NotPublished = new(ErrorKind.NotFound, "not-published", "The results of this activity are not published yet.");

    public static Error WrongState(AwardStatus status) => new(ErrorKind.Conflict, "wrong-state",
        "The award is {0}; this cannot be done now.", [status.ToString()]);

    public static readonly Error AlreadyConfirmed = new(ErrorKind.Conflict, "already-confirmed", "You have already confirmed receipt of this award.");
    public static readonly Error ConcurrentChange = new(ErrorKind.Conflict, "concurrent-change", "The award was changed at the same time; reload and try again.");

    public static readonly Error AddressMissing = new(ErrorKind.BusinessRule, "address-missing",
        "The winner has not given a shipping address yet.");
    public static readonly Error NoAddressNeeded = new(ErrorKind.BusinessRule, "no-address-needed", "Only a physical prize is shipped to an address.");
    public static readonly Error PoolEmpty = new(ErrorKind.BusinessRule, "coupon-pool-empty",
        "No unassigned coupon code is left for this reward; import more codes first.");

    public static readonly Error TrackingRequired = Error.Validation(new Dictionary<string, string[]>
    {
        ["trackingNumber"] = ["A physical prize needs a tracking number."],
    });
    public static readonly Error ReasonRequired = Error.Validation(new Dictionary<string, string[]> { ["reason"] = ["Required."] });
    public static readonly Error ReasonTooLong = Error.Validation(new Dictionary<string, string[]> { ["reason"] = ["Must be at most 500 characters."] });

    public static Error AwardsUnsettled(int count) => new(ErrorKind.Conflict, "awards-unsettled",
        "{0} awards are neither delivered nor voided; the activity can be closed once all are settled.", [count]);

    public static readonly Error NotJudge = new(ErrorKind.Forbidden, "forbidden", "You are not allowed to do this.");
    public static readonly Error OwnTeam = new(ErrorKind.BusinessRule, "own-team",
        "A judge may not score their own submission or one by a member of the activity's team.");
    public static readonly Error NotScorable = new(ErrorKind.Conflict, "not-scorable",
        "Only accepted submissions are scored, and only until the results are published.");

    public static Error WrongActivityState(Planning.ActivityStatus status) => new(ErrorKind.Conflict, "wrong-state",
        "Results are published after the activity has ended; it is {0}.", [status.ToString()]);

    public static readonly Error UnknownCouponReward = Error.Validation(new Dictionary<string, string[]>
    {
        ["rewardName"] = ["Name a coupon reward of the approved plan."],
    });
    public static readonly Error NoCodes = Error.Validation(new Dictionary<string, string[]>
    {
        ["codes"] = ["Give at least one code, one per line (a CSV's first column)."],
    });
    public static readonly Error CodeTooLong = Error.Validation(new Dictionary<string, string[]>
    {
        ["codes"] = ["Each code must be at most 100 characters."],
    });
    public static readonly Error AddressInvalid = Error.Validation(new Dictionary<string, string[]>
    {
        ["address"] = ["Give the recipient, a phone number and an address of at most 300 characters."],
    });
}
