using System.Text.Json.Serialization;

namespace Huodong.Web.Planning;

/// <summary>
/// The API's view of an activity: its lifecycle fields and the plan body it was created with (API.md), so a
/// client reads back what it wrote. Internal parts (resources, risks, budget, team, evidence) only for insiders.
/// </summary>
public sealed record ActivityDto
{
    public Guid Id { get; init; }
    public ActivityStatus Status { get; init; }
    public int Version { get; init; }
    public int? ApprovedVersion { get; init; }
    public AmendmentStatus? AmendmentStatus { get; init; }
    public string? VersionHash { get; init; }
    public string? Title { get; init; }
    public string? Theme { get; init; }
    public string? Summary { get; init; }
    public ActivityFormat? Format { get; init; }
    public string? Content { get; init; }
    public ParticipationPlan? Participation { get; init; }
    public EligibilityRule? Eligibility { get; init; }
    public Schedule? Schedule { get; init; }
    public List<RewardSetting>? Rewards { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ResourcePlan? Resources { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<Risk>? Risks { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<BudgetLine>? Budget { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Team { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<NeedsEvidence>? Evidence { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Plan? ApprovedPlan { get; init; }
    public string? CancelReason { get; init; }
    /// <summary>Why the activity is paused (emergency pause, LiveOps/); null unless Paused.</summary>
    public string? PauseReason { get; init; }
    /// <summary>E2.1: when the scheduler first held the launch back because the readiness gate was unmet.</summary>
    public DateTimeOffset? LaunchHeldAt { get; init; }
    public Guid AuthorId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public static ActivityDto From(ActivityDetail d)
    {
        var a = d.Activity;
        var p = d.Plan;
        return new ActivityDto
        {
            Id = a.Id, Status = a.Status, Version = a.Version, ApprovedVersion = a.ApprovedVersion,
            AmendmentStatus = a.Amendment, VersionHash = a.VersionHash,
            Title = p.Title, Theme = p.Theme, Summary = p.Summary, Format = p.Format, Content = p.Content,
            Participation = p.Participation, Eligibility = p.Eligibility, Schedule = p.Schedule, Rewards = p.Rewards,
            Resources = d.Internals ? p.Resources : null,
            Risks = d.Internals ? p.Risks : null,
            Budget = d.Internals ? p.Budget : null,
            Team = d.Team?.Where(t => !t.IsAuthor).Select(t => t.Email).ToList(),
            Evidence = d.Internals ? p.Evidence : null,
            ApprovedPlan = d.ApprovedPlan,
            CancelReason = a.CancelReason, PauseReason = a.PauseReason, LaunchHeldAt = a.LaunchHeldAt, AuthorId = a.AuthorId, CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt,
        };
    }
}
