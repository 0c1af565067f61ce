using Huodong.Web.Shared;

namespace Huodong.Web.Planning.Pages;

/// <summary>
/// The plan editor's form: the <see cref="Plan"/> record in shapes an HTML form can post (times as China-time
/// datetime-local values, lists as rows, the team as lines). Property names mirror the API body's JSON paths so a
/// field error (<c>rewards[1].quantity</c>) lands on its input (<c>Plan.Rewards[1].Quantity</c>).
/// </summary>
public sealed partial class PlanForm
{
    public string? Title { get; set; }
    public string? Theme { get; set; }
    public string? Summary { get; set; }
    public ActivityFormat? Format { get; set; }
    public string? Content { get; set; }
    public ParticipationForm Participation { get; set; } = new();
    public EligibilityForm Eligibility { get; set; } = new();
    public ScheduleForm Schedule { get; set; } = new();
    public List<RewardRow> Rewards { get; set; } = [];
    public ResourcesForm Resources { get; set; } = new();
    public List<RiskRow> Risks { get; set; } = [];
    public List<BudgetRow> Budget { get; set; } = [];
    /// <summary>Team members' emails besides the author, one per line.</summary>
    public string? Team { get; set; }
    public List<EvidenceRow> Evidence { get; set; } = [];
    public List<GoalRow> Goals { get; set; } = [];
    public decimal? BenefitValue { get; set; }

    public sealed class ParticipationForm
    {
        public ParticipationMethod? Method { get; set; }
        public int? Capacity { get; set; }
        public bool Waitlist { get; set; }
        public ReplyRuleForm ReplyRule { get; set; } = new();
        public List<TaskRow> Tasks { get; set; } = [];
    }
    public sealed class ReplyRuleForm { public string? Keyword { get; set; } public int? MinLength { get; set; } }
    public sealed class EligibilityForm { public int? MinLevel { get; set; } public string? RequiredTasks { get; set; } }
    public sealed class ScheduleForm
    {
        public DateTime? RegistrationOpensAt { get; set; }
        public DateTime? RegistrationClosesAt { get; set; }
        public DateTime? StartsAt { get; set; }
        public DateTime? EndsAt { get; set; }
    }
    public sealed class ResourcesForm { public string? People { get; set; } public string? Materials { get; set; } public string? Notes { get; set; } }

    public sealed class TaskRow : IRow { public string? Key { get; set; } public string? Title { get; set; }
        public bool IsBlank => Blank(Key, Title); }
    public sealed class RewardRow : IRow
    {
        public string? Name { get; set; }
        public RewardKind Kind { get; set; }
        public int? Quantity { get; set; }
        public decimal? UnitValue { get; set; }
        public RewardRule Rule { get; set; }
        public bool IsBlank => Blank(Name) && Quantity is null && UnitValue is null;
    }
    public sealed class RiskRow : IRow
    {
        public string? Description { get; set; }
        public RiskLevel Likelihood { get; set; }
        public RiskLevel Impact { get; set; }
        public string? Mitigation { get; set; }
        public bool IsBlank => Blank(Description, Mitigation);
    }
    public sealed class BudgetRow : IRow
    {
        public BudgetCategory Category { get; set; }
        public decimal? Amount { get; set; }
        public string? Note { get; set; }
        public bool IsBlank => Amount is null && Blank(Note);
    }
    public sealed class EvidenceRow : IRow { public string? Source { get; set; } public string? Summary { get; set; }
        public bool IsBlank => Blank(Source, Summary); }

    public sealed class GoalRow : IRow
    {
        public string? Name { get; set; }
        public decimal? Target { get; set; }
        public string? Unit { get; set; }
        public bool IsBlank => Blank(Name, Unit) && Target is null;
    }

    public interface IRow { bool IsBlank { get; } }
    private static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);

    public static PlanForm From(Plan p) => new()
    {
        Title = p.Title, Theme = p.Theme, Summary = p.Summary, Format = p.Format, Content = p.Content,
        Participation = new()
        {
            Method = p.Participation?.Method, Capacity = p.Participation?.Capacity, Waitlist = p.Participation?.Waitlist ?? false,
            ReplyRule = new() { Keyword = p.Participation?.ReplyRule?.Keyword, MinLength = p.Participation?.ReplyRule?.MinLength },
            Tasks = (p.Participation?.Tasks ?? []).Select(t => new TaskRow { Key = t.Key, Title = t.Title }).ToList(),
        },
        Eligibility = new()
        {
            MinLevel = p.Eligibility?.MinLevel, RequiredTasks = string.Join(", ", p.Eligibility?.RequiredTasks ?? []),
        },
        Schedule = new()
        {
            RegistrationOpensAt = Display.ToChinaLocal(p.Schedule?.RegistrationOpensAt),
            RegistrationClosesAt = Display.ToChinaLocal(p.Schedule?.RegistrationClosesAt),
            StartsAt = Display.ToChinaLocal(p.Schedule?.StartsAt),
            EndsAt = Display.ToChinaLocal(p.Schedule?.EndsAt),
        },
        Rewards = p.Rewards.Select(r => new RewardRow
            { Name = r.Name, Kind = r.Kind, Quantity = r.Quantity, UnitValue = r.UnitValue, Rule = r.Rule }).ToList(),
        Resources = new() { People = p.Resources?.People, Materials = p.Resources?.Materials, Notes = p.Resources?.Notes },
        Risks = p.Risks.Select(r => new RiskRow
            { Description = r.Description, Likelihood = r.Likelihood, Impact = r.Impact, Mitigation = r.Mitigation }).ToList(),
        Budget = p.Budget.Select(b => new BudgetRow { Category = b.Category, Amount = b.Amount, Note = b.Note }).ToList(),
        Team = string.Join("\n", p.Team),
        Evidence = p.Evidence.Select(e => new EvidenceRow { Source = e.Source, Summary = e.Summary }).ToList(),
        Goals = (p.Goals ?? []).Select(g => new GoalRow { Name = g.Name, Target = g.Target, Unit = g.Unit }).ToList(),
        BenefitValue = p.BenefitValue,
    };
}
