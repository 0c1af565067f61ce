using Huodong.Web.Shared;

namespace Huodong.Web.Participation;

/// <summary>Refusals of API.md "Participation": 422 with a code and a localised reason.</summary>
public static class ParticipationErrors
{
    public static Error NotEligible(string reasonKey, params object[] args) =>
        new(ErrorKind.BusinessRule, "not-eligible", reasonKey, args);

    public static readonly Error RegistrationClosed =
        new(ErrorKind.BusinessRule, "registration-closed", "Registration for this activity is not open.");

    public static readonly Error CapacityFull =
        new(ErrorKind.BusinessRule, "capacity-full", "All places are taken and the activity has no waitlist.");

    public static readonly Error AlreadyRegistered =
        new(ErrorKind.Conflict, "already-registered", "You are already registered for this activity.");

    public static readonly Error NotRegistered = Error.NotFound("Registration");

    public static readonly Error ActivityOver =
        new(ErrorKind.Conflict, "activity-over", "The activity is over; registrations can no longer be cancelled.");

    public static readonly Error MembersOnly =
        new(ErrorKind.Forbidden, "members-only", "Only community members can register.");
}
