namespace Huodong.Web.Rewards;

/// <summary>
/// One code of a coupon reward's pool, imported by staff (E3.2). It is assigned to at most one award: a conditional
/// UPDATE (…WHERE AwardId IS NULL) claims it, and a unique index on AwardId and on (ActivityId, Code) backs that up,
/// so no code is ever given twice, not even by deliveries running at the same moment.
/// </summary>
public class CouponCode
{
    public const int MaxCode = 100;

    private CouponCode() { }

    public CouponCode(Guid activityId, string rewardName, string code, Guid importedById, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        RewardName = rewardName;
        Code = code;
        ImportedById = importedById;
        ImportedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public string RewardName { get; private set; } = "";
    public string Code { get; private set; } = "";
    public Guid ImportedById { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }
    public Guid? AwardId { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
}

/// <summary>
/// What was published for an activity (E3.1), frozen at the moment of publication: the winners (masked names and
/// codes), how they were chosen, the statistics and any prize stock shortage. The public results read this row.
/// </summary>
public class ResultsPublication
{
    private ResultsPublication() { }

    public ResultsPublication(Guid activityId, string winnersJson, string statisticsJson, string shortagesJson, Guid publishedById, DateTimeOffset at)
    {
        ActivityId = activityId;
        WinnersJson = winnersJson;
        StatisticsJson = statisticsJson;
        ShortagesJson = shortagesJson;
        PublishedById = publishedById;
        PublishedAt = at;
    }

    public Guid ActivityId { get; private set; }
    public string WinnersJson { get; private set; } = "[]";
    public string StatisticsJson { get; private set; } = "{}";
    public string ShortagesJson { get; private set; } = "[]";
    public Guid PublishedById { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>A redraw's winners join the published list (the change is audited with their awards).</summary>
    public void AddWinners(string winnersJson) => WinnersJson = winnersJson;
}
