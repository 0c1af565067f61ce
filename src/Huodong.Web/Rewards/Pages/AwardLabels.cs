namespace Huodong.Web.Rewards.Pages;

/// <summary>The English text (a key of the shared string table) and badge colour of an award's state.</summary>
public static class AwardLabels
{
    public static string Of(AwardStatus s) => s switch
    {
        AwardStatus.Pending => "To deliver",
        AwardStatus.Delivered => "Delivered",
        AwardStatus.Confirmed => "Received",
        _ => "Voided",
    };

    public static string BadgeClass(AwardStatus s) => s switch
    {
        AwardStatus.Pending => "badge--review",
        AwardStatus.Voided => "badge--cancelled",
        _ => "badge--approved",
    };
}
