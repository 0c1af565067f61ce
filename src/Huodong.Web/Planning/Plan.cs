using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Huodong.Web.Planning;

public enum ActivityFormat { Contest, Quiz, CheckIn, Livestream, Discussion, Challenge, Lottery, Other }
public enum ParticipationMethod { Registration, Reply, Tasks }
public enum RewardKind { Physical, Points, Coupon, Virtual }
public enum RewardRule { Ranking, Draw, AllCompleters }
public enum RiskLevel { Low, Medium, High }
public enum BudgetCategory { Personnel, Materials, TechSupport, Promotion, Rewards, Other }

/// <summary>
/// The content of a plan (P2.3–P2.5, B1.1, P1): the body of <c>POST/PUT /api/activities</c>, the editor's model,
/// and what a version freezes. Every part may be missing while drafting; <see cref="PlanRules"/> says what a
/// saved plan may hold and what a submitted one must.
/// </summary>
public sealed record Plan
{
    public string? Title { get; init; }
    public string? Theme { get; init; }
    public string? Summary { get; init; }
    public ActivityFormat? Format { get; init; }
    public string? Content { get; init; }
    public ParticipationPlan Participation { get; init; } = new();
    public EligibilityRule Eligibility { get; init; } = new();
    public Schedule Schedule { get; init; } = new();
    public List<RewardSetting> Rewards { get; init; } = [];
    public ResourcePlan Resources { get; init; } = new();
    public List<Risk> Risks { get; init; } = [];
    public List<BudgetLine> Budget { get; init; } = [];
    /// <summary>Emails of the planning team's members besides the author (P1).</summary>
    public List<string> Team { get; init; } = [];
    /// <summary>What the theme rests on (P2.1): needs-survey summaries, member feedback notes.</summary>
    public List<NeedsEvidence> Evidence { get; init; } = [];
    // Parts added after versions were first frozen are left out of the canonical JSON when absent, so every earlier
    // version's content hash stays recomputable from its plan.
    /// <summary>The business indicators the activity aims at (V1.3), measured after it ends.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<PlanGoal>? Goals { get; init; }
    /// <summary>The benefit the team expects in yuan, for benefit ÷ cost (V1.4); optional.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? BenefitValue { get; init; }

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        WriteIndented = false,
    };

    /// <summary>The canonical JSON a version freezes; its SHA-256 is the version's content hash.</summary>
    public string ToCanonicalJson() => JsonSerializer.Serialize(this, Canonical);

    public static Plan FromJson(string json) => JsonSerializer.Deserialize<Plan>(json, Canonical)
        ?? throw new InvalidOperationException("Stored plan JSON is empty.");

    public static string HashOf(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));
}

public sealed record ParticipationPlan
{
    public ParticipationMethod? Method { get; init; }
    public int? Capacity { get; init; }
    public bool Waitlist { get; init; }
    public ReplyRule? ReplyRule { get; init; }
    public List<PlanTask> Tasks { get; init; } = [];
}

public sealed record ReplyRule(string? Keyword, int MinLength);
/// <summary>
/// A task of a task-mode activity. <see cref="Detect"/> names the member action that completes it by itself;
/// without it, staff confirm completion from the evidence the member submits.
/// </summary>
public sealed record PlanTask(string Key, string Title, TaskDetection? Detect = null);

/// <summary>Member actions the platform sees and can count as a task done (task mode, M2.1).</summary>
public enum TaskDetection { Comment, Question, Like, Reply }
public sealed record EligibilityRule
{
    public int MinLevel { get; init; }
    public List<string> RequiredTasks { get; init; } = [];
}

public sealed record Schedule
{
    public DateTimeOffset? RegistrationOpensAt { get; init; }
    public DateTimeOffset? RegistrationClosesAt { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
}

public sealed record RewardSetting(string Name, RewardKind Kind, int Quantity, decimal UnitValue, RewardRule Rule);

public sealed record ResourcePlan
{
    public string? People { get; init; }
    public string? Materials { get; init; }
    public string? Notes { get; init; }
}

public sealed record Risk(string Description, RiskLevel Likelihood, RiskLevel Impact, string Mitigation);
public sealed record BudgetLine(BudgetCategory Category, decimal Amount, string? Note);
public sealed record NeedsEvidence(string Source, string Summary);
/// <summary>A business indicator the plan aims at (V1.3): a name such as "new followers", a target and its unit.</summary>
public sealed record PlanGoal(string Name, decimal? Target, string? Unit);
