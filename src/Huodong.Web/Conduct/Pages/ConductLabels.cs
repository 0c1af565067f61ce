namespace Huodong.Web.Conduct.Pages;

/// <summary>The English text (a key of the shared string table) pages show for conduct values.</summary>
public static class ConductLabels
{
    public static string Of(ConductAction a) => a switch
    {
        ConductAction.Block => "Block: refuse the post",
        ConductAction.Hold => "Hold: keep it for a moderator",
        _ => "Flag: allow it and open a case",
    };

    public static string Of(CaseDecision d) => d switch
    {
        CaseDecision.Dismiss => "Dismiss (approve held content)",
        CaseDecision.RemoveContent => "Remove the content",
        CaseDecision.Warn => "Warn",
        CaseDecision.DeductPoints => "Deduct points",
        CaseDecision.Disqualify => "Disqualify from the activity",
        CaseDecision.Suspend => "Suspend for N days",
        _ => "Ban",
    };

    public static string Of(CaseStatus s) => s switch
    {
        CaseStatus.Open => "Open",
        CaseStatus.Decided => "Decided",
        CaseStatus.Appealed => "Under appeal",
        _ => "Closed",
    };

    /// <summary>What opened a case, as the queue names it.</summary>
    public static string Rule(string rule) => rule switch
    {
        "term" => "a lexicon term",
        "link" => "a link",
        "phone" => "a phone number",
        "flood-rate" => "posting too fast",
        "flood-repeat" => "the same text again and again",
        "duplicate-account" => "accounts sharing a phone number or email",
        "plagiarism" => "copied from another member",
        "impersonation" => "posing as staff",
        "burst" => "a burst of registrations from one network",
        "network-cluster" => "many registrants on one network",
        "shared-device" => "accounts sharing a device",
        "verified-contact" => "contact differs from the verified profile",
        "other-member-contact" => "another member's contact details",
        "name-changed" => "real name differs from earlier registrations",
        _ => "member reports",
    };

    public static string Of(CaseSubject s) => s switch
    {
        CaseSubject.Comment => "Comment",
        CaseSubject.Submission => "Submission",
        CaseSubject.Nickname => "Nickname",
        CaseSubject.Registration => "Registration",
        _ => "Member",
    };
}
