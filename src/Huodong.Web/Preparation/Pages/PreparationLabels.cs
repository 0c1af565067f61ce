namespace Huodong.Web.Preparation.Pages;

/// <summary>The English text (a key of the shared string table) the readiness page shows for preparation values.</summary>
public static class PreparationLabels
{
    public static string Of(DutyKind k) => k switch
    {
        DutyKind.Host => "Host",
        DutyKind.ModeratorOnWatch => "Moderator on watch",
        DutyKind.QnA => "Questions and answers",
        DutyKind.RewardDelivery => "Reward delivery",
        DutyKind.Data => "Data recording",
        DutyKind.Technical => "Technical support",
        _ => "Other",
    };

    public static string Of(MaterialKind k) => k switch
    {
        MaterialKind.Prize => "Prize",
        MaterialKind.Promotional => "Promotional material",
        _ => "Equipment",
    };

    public static string Of(MaterialStatus s) => s switch
    {
        MaterialStatus.Planned => "Planned",
        MaterialStatus.Ordered => "Ordered",
        MaterialStatus.Ready => "Ready",
        _ => "Problem",
    };

    public static string Of(GateCondition c) => c switch
    {
        GateCondition.Staffing => "Staffing",
        GateCondition.Materials => "Materials",
        GateCondition.TechnicalCheck => "Technical readiness check",
        _ => "Promotion",
    };

    /// <summary>The automated probes by their stable names; a probe added later shows its name until it has a label.</summary>
    public static string Probe(string name) => name switch
    {
        "database" => "Database reachable",
        "registration" => "Registration works (dry-run sandbox)",
        "email" => "Email channel",
        _ => name,
    };
}
