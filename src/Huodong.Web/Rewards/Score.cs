using System.Text.Json;
using Huodong.Web.Shared;

namespace Huodong.Web.Rewards;

/// <summary>
/// The rubric judges score a submission with (Ranking rewards, A2.4 "fair"): three criteria, each 0–10, summed.
/// One fixed rubric for every activity, so members can read in advance what counts.
/// </summary>
public static class Rubric
{
    public const int Max = 10;
    public static readonly string[] Criteria = ["relevance", "quality", "creativity"];

    public static Result<decimal> Total(IReadOnlyDictionary<string, int>? marks)
    {
        var errors = new Dictionary<string, string[]>();
        if (marks is null) errors["criteria"] = ["Required."];
        else
        {
            foreach (var c in Criteria)
                if (!marks.TryGetValue(c, out var v)) errors[$"criteria.{c}"] = ["Required."];
                else if (v is < 0 or > Max) errors[$"criteria.{c}"] = ["Must be between 0 and 10."];
            foreach (var extra in marks.Keys.Except(Criteria)) errors[$"criteria.{extra}"] = ["Not a criterion of the rubric."];
        }
        if (errors.Count > 0) return Error.Validation(errors);
        return Criteria.Sum(c => (decimal)marks![c]);
    }
}

/// <summary>One judge's score of one submission; a judge scores a submission once and may correct it until results are out.</summary>
public class Score
{
    private Score() { }

    public Score(Guid activityId, Guid submissionId, Guid memberId, Guid judgeId, IReadOnlyDictionary<string, int> marks,
        decimal total, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActivityId = activityId;
        SubmissionId = submissionId;
        MemberId = memberId;
        JudgeId = judgeId;
        Correct(marks, total, at);
    }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid SubmissionId { get; private set; }
    /// <summary>The submission's author, kept so a ranking needs no join.</summary>
    public Guid MemberId { get; private set; }
    public Guid JudgeId { get; private set; }
    public string MarksJson { get; private set; } = "{}";
    public decimal Total { get; private set; }
    public DateTimeOffset ScoredAt { get; private set; }

    public IReadOnlyDictionary<string, int> Marks => JsonSerializer.Deserialize<Dictionary<string, int>>(MarksJson)!;

    public void Correct(IReadOnlyDictionary<string, int> marks, decimal total, DateTimeOffset at)
    {
        MarksJson = JsonSerializer.Serialize(Rubric.Criteria.ToDictionary(c => c, c => marks[c]));
        Total = total;
        ScoredAt = at;
    }
}
