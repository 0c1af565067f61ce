namespace Huodong.Web.Approval;

/// <summary>The six review points of A2 (A2.1–A2.6); the JSON names are part of the API contract.</summary>
public enum ReviewPoint { Theme, Content, Participation, Rewards, Resources, Risks }

public enum ReviewStage { Head, Leader }

public enum ReviewDecision { Pass, Return, Reject }

public sealed record PointVerdict(bool Ok, string? Comment);

/// <summary>A reviewer's verdict: a decision, a verdict on each of the six points, and a comment.</summary>
public sealed record Verdict(ReviewDecision Decision, IReadOnlyDictionary<ReviewPoint, PointVerdict> Points, string? Comment)
{
    public bool HasAllPoints => Enum.GetValues<ReviewPoint>().All(Points.ContainsKey);
    public bool AllPointsOk => HasAllPoints && Points.Values.All(p => p.Ok);
}
