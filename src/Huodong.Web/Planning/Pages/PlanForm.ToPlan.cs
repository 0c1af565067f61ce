using Huodong.Web.Shared;

namespace Huodong.Web.Planning.Pages;

public sealed partial class PlanForm
{
    private static readonly char[] ListSeparators = ['\n', '\r', ',', ';', '，', '；', ' ', '\t'];

    /// <summary>
    /// The plan the form describes. Blank rows are dropped (an empty row is how a row is removed without script);
    /// <paramref name="rows"/> remembers, per list, which form row each kept item came from.
    /// </summary>
    public Plan ToPlan(out RowMap rows)
    {
        rows = new RowMap();
        var tasks = rows.Keep("participation.tasks", Participation.Tasks);
        var rewards = rows.Keep("rewards", Rewards);
        var risks = rows.Keep("risks", Risks);
        var budget = rows.Keep("budget", Budget);
        var evidence = rows.Keep("evidence", Evidence);
        var goals = rows.Keep("goals", Goals);
        var reply = Participation.ReplyRule;
        return new Plan
        {
            Title = Trim(Title), Theme = Trim(Theme), Summary = Trim(Summary), Format = Format, Content = Trim(Content),
            Participation = new ParticipationPlan
            {
                Method = Participation.Method,
                Capacity = Participation.Capacity,
                Waitlist = Participation.Waitlist,
                ReplyRule = string.IsNullOrWhiteSpace(reply.Keyword) && reply.MinLength is null
                    ? null : new ReplyRule(Trim(reply.Keyword), reply.MinLength ?? 0),
                Tasks = tasks.Select(t => new PlanTask(t.Key?.Trim() ?? "", t.Title?.Trim() ?? "")).ToList(),
            },
            Eligibility = new EligibilityRule { MinLevel = Eligibility.MinLevel ?? 0, RequiredTasks = Split(Eligibility.RequiredTasks) },
            Schedule = new Schedule
            {
                RegistrationOpensAt = Display.FromChinaLocal(Schedule.RegistrationOpensAt),
                RegistrationClosesAt = Display.FromChinaLocal(Schedule.RegistrationClosesAt),
                StartsAt = Display.FromChinaLocal(Schedule.StartsAt),
                EndsAt = Display.FromChinaLocal(Schedule.EndsAt),
            },
            Rewards = rewards.Select(r => new RewardSetting(r.Name?.Trim() ?? "", r.Kind, r.Quantity ?? 0, r.UnitValue ?? 0, r.Rule)).ToList(),
            Resources = new ResourcePlan { People = Trim(Resources.People), Materials = Trim(Resources.Materials), Notes = Trim(Resources.Notes) },
            Risks = risks.Select(r => new Risk(r.Description?.Trim() ?? "", r.Likelihood, r.Impact, r.Mitigation?.Trim() ?? "")).ToList(),
            Budget = budget.Select(b => new BudgetLine(b.Category, b.Amount ?? 0, Trim(b.Note))).ToList(),
            Team = Split(Team),
            Evidence = evidence.Select(e => new NeedsEvidence(e.Source?.Trim() ?? "", e.Summary?.Trim() ?? "")).ToList(),
            // Absent rather than empty when none: the canonical JSON of plans without goals stays as it always was.
            Goals = goals.Count == 0 ? null : goals.Select(g => new PlanGoal(g.Name?.Trim() ?? "", g.Target, Trim(g.Unit))).ToList(),
            BenefitValue = BenefitValue,
        };
    }

    /// <summary>Always one blank row at the end of each list, to type a new item into.</summary>
    public void AddBlankRows()
    {
        AddBlank(Participation.Tasks);
        AddBlank(Rewards);
        AddBlank(Risks);
        AddBlank(Budget);
        AddBlank(Evidence);
        AddBlank(Goals);
    }

    private static void AddBlank<T>(List<T> list) where T : IRow, new()
    {
        if (list.Count == 0 || !list[^1].IsBlank) list.Add(new T());
    }

    public static List<string> Split(string? text) =>
        (text ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public sealed class RowMap
    {
        private readonly Dictionary<string, List<int>> _rows = new();

        public List<T> Keep<T>(string list, List<T> items) where T : IRow
        {
            var kept = new List<T>();
            var at = new List<int>();
            for (var i = 0; i < items.Count; i++)
                if (items[i] is { IsBlank: false } item) { kept.Add(item); at.Add(i); }
            _rows[list] = at;
            return kept;
        }

        /// <summary>The form row of item <paramref name="index"/> of the JSON list <paramref name="list"/>.</summary>
        public int FormRow(string list, int index) =>
            _rows.TryGetValue(list, out var at) && index < at.Count ? at[index] : index;
    }
}
