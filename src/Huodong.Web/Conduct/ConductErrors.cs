using Huodong.Web.Shared;

namespace Huodong.Web.Conduct;

public static class ConductErrors
{
    public static readonly Error CaseNotFound = Error.NotFound("Case");
    public static readonly Error TermNotFound = Error.NotFound("Term");
    public static readonly Error CaseNotOpen = new(ErrorKind.Conflict, "case-not-open", "This case is not waiting for a decision.");
    public static readonly Error AlreadyAppealed = new(ErrorKind.BusinessRule, "already-appealed", "A decision can be appealed only once.");
    public static readonly Error NothingToAppeal = new(ErrorKind.BusinessRule, "nothing-to-appeal", "There is no decision to appeal.");
    public static readonly Error AppealSameModerator = new(ErrorKind.Forbidden, "appeal-same-moderator",
        "An appeal must be decided by a different moderator than the one who made the decision.");
    public static readonly Error DuplicateTerm = new(ErrorKind.Conflict, "duplicate-term", "The lexicon already has this term.");
    public static readonly Error CannotReportSelf = new(ErrorKind.BusinessRule, "cannot-report-self", "You cannot report yourself.");
    public static readonly Error NoContentToRemove = new(ErrorKind.BusinessRule, "no-content", "This case is about a member, not content: there is nothing to remove.");
    public static readonly Error NoActivity = new(ErrorKind.BusinessRule, "no-activity", "This case is not about an activity: there is no registration to disqualify.");
    public static readonly Error NotRegistered = new(ErrorKind.BusinessRule, "not-registered", "The member has no registration for this activity.");

    /// <summary>M3.2: content refused. The category is named; the lexicon itself is never shown.</summary>
    public static Error Blocked(ConductCategory category) => new(ErrorKind.BusinessRule, "content-blocked",
        "Your text was not posted: it breaks the community's conduct rules ({0}). Please edit it and try again.",
        [category.ToString()]);
}
