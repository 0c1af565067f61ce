using Huodong.Web.Shared;

namespace Huodong.Web.Preparation;

public static class PreparationErrors
{
    public static readonly Error DutyNotFound = Error.NotFound("Duty");
    public static readonly Error MaterialNotFound = Error.NotFound("Material");
    public static readonly Error CheckNotFound = Error.NotFound("Readiness check");

    public const string UnknownStaff = "No staff account has this email.";

    public static readonly Error DutiesExist = new(ErrorKind.Conflict, "duties-exist",
        "The activity already has duties; defaults are only suggested for an empty staffing plan.");

    public static readonly Error NoSchedule = new(ErrorKind.Conflict, "no-schedule",
        "The activity has no start and end time to base the duties on.");


    public static Error StaffField(string field) =>
        Error.Validation(new Dictionary<string, string[]> { [field] = [UnknownStaff] });
}
