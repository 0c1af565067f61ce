using System.Text.Json;
using System.Text.Json.Serialization;

namespace Huodong.Web.Approval;

/// <summary>A recorded review (A1, A2): against one frozen plan version, by one reviewer, at one stage.</summary>
public class Review
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private Review() { }

    public Review(Guid activityId, int version, string planHash, bool isAmendment, ReviewStage stage, Guid reviewerId,
        Verdict verdict, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        Version = version;
        PlanHash = planHash;
        IsAmendment = isAmendment;
        Stage = stage;
        ReviewerId = reviewerId;
        Decision = verdict.Decision;
        PointsJson = JsonSerializer.Serialize(verdict.Points, Json);
        Comment = verdict.Comment;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public int Version { get; private set; }
    public string PlanHash { get; private set; } = "";
    public bool IsAmendment { get; private set; }
    public ReviewStage Stage { get; private set; }
    public Guid ReviewerId { get; private set; }
    public ReviewDecision Decision { get; private set; }
    public string PointsJson { get; private set; } = "{}";
    public string? Comment { get; private set; }
    public DateTimeOffset At { get; private set; }

    public IReadOnlyDictionary<ReviewPoint, PointVerdict> Points =>
        JsonSerializer.Deserialize<Dictionary<ReviewPoint, PointVerdict>>(PointsJson, Json) ?? [];
}
