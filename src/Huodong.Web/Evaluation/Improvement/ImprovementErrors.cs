using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Improvement;

public static class ImprovementErrors
{
    public static readonly Error NotFound = Error.NotFound("Improvement action");

    public static readonly Error NoSummary = new(ErrorKind.Conflict, "summary-missing",
        "Improvement actions come from the summary: write the activity summary first.");

    public static readonly Error UnknownOwner = Error.Field("owner", "No staff account has this email.");

    public static readonly Error OwnActivity = new(ErrorKind.BusinessRule, "own-activity",
        "An action is applied in a later plan, not in the activity it came from.");

    public static readonly Error OtherFormat = new(ErrorKind.BusinessRule, "other-format",
        "This action applies to activities of another format.");

    public static readonly Error AppliedElsewhere = new(ErrorKind.Conflict, "applied-elsewhere",
        "This action is already applied in another plan.");

    public static readonly Error NotApplied = new(ErrorKind.Conflict, "not-applied", "This action is not applied in this plan.");

    public static readonly Error PlanNotEditable = new(ErrorKind.Conflict, "plan-not-editable",
        "Actions are applied while the plan is drafted or edited.");

    public static readonly Error ConcurrentChange = new(ErrorKind.Conflict, "concurrent-change",
        "Someone else changed this action at the same time; reload and try again.");
}
