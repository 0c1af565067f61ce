namespace Huodong.Web.Planning;

/// <summary>A plan frozen at submission: what reviewers see and what an approval approves, byte for byte.</summary>
public class PlanVersion
{
    private PlanVersion() { }

    public PlanVersion(Guid activityId, int number, string planJson, bool isAmendment, Guid submittedBy, DateTimeOffset at)
    {
        ActivityId = activityId;
        Number = number;
        PlanJson = planJson;
        Hash = Plan.HashOf(planJson);
        IsAmendment = isAmendment;
        SubmittedBy = submittedBy;
        SubmittedAt = at;
    }

    public Guid ActivityId { get; private set; }
    public int Number { get; private set; }
    public string PlanJson { get; private set; } = "";
    /// <summary>Lowercase hex SHA-256 of <see cref="PlanJson"/>'s UTF-8 bytes.</summary>
    public string Hash { get; private set; } = "";
    public bool IsAmendment { get; private set; }
    public Guid SubmittedBy { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    public Plan Plan => Plan.FromJson(PlanJson);
}
