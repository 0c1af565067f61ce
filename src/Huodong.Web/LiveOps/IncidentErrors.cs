using Huodong.Web.Shared;

namespace Huodong.Web.LiveOps;

public static class IncidentErrors
{
    public const int MaxTitle = 200;
    public const int MaxText = 4000;

    public static readonly Error NotFound = Error.NotFound("Incident");

    public static Error WrongState(IncidentStatus status) =>
        new(ErrorKind.Conflict, "wrong-state", "This cannot be done while the incident is {0}.", [status.ToString()]);

    public static readonly Error AlreadyAssigned =
        new(ErrorKind.Conflict, "already-assigned", "The incident is already assigned to this person.");

    public static readonly Error AssigneeNotStaff = Error.Validation(new Dictionary<string, string[]>
    {
        ["assigneeId"] = ["Choose a staff member."],
    });

    public static void CheckText(Dictionary<string, string[]> errors, string field, string? text, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(text)) { if (required) errors[field] = ["Required."]; return; }
        if (text.Trim().Length > max) errors[field] = [max == MaxTitle ? "Must be at most 200 characters." : "Must be at most 4,000 characters."];
        else if (text.Contains('\0')) errors[field] = [Planning.PlanRules.NulCharacter];
    }
}
