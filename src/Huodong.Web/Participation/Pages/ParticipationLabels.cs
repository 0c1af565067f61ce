using Huodong.Web.Shared;

namespace Huodong.Web.Participation.Pages;

/// <summary>The English text (a key of the shared string table) and badge colour of the participation enums.</summary>
public static class ParticipationLabels
{
    public static string Of(RegistrationStatus s) => s.ToString();
    public static string Of(SubmissionStatus s) => s == SubmissionStatus.Rejected ? "Not accepted" : s.ToString();
    public static string Of(ActivityEventKind k) => Labels.Humanize(k.ToString());

    public static string BadgeClass(RegistrationStatus s) => s switch
    {
        RegistrationStatus.Confirmed => "badge--approved",
        RegistrationStatus.Waitlisted => "badge--review",
        _ => "badge--cancelled",
    };

    public static string BadgeClass(SubmissionStatus s) => s switch
    {
        SubmissionStatus.Accepted => "badge--approved",
        SubmissionStatus.Pending => "badge--review",
        _ => "badge--rejected",
    };

    /// <summary>How long something has waited, coarse enough to read at a glance ("2 h 5 min").</summary>
    public static (string Key, object[] Args) Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => ("just now", []),
        { TotalHours: < 1 } => ("{0} min", [(int)age.TotalMinutes]),
        { TotalDays: < 1 } => ("{0} h {1} min", [(int)age.TotalHours, age.Minutes]),
        _ => ("{0} d {1} h", [(int)age.TotalDays, age.Hours]),
    };
}
