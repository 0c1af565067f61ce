namespace Huodong.Web.Planning;

/// <summary>
/// What a plan may hold when saved (<see cref="Validate"/>: values are well-formed, parts may be missing) and what
/// it must hold when submitted for review (<see cref="MissingParts"/>: every part P2.3–P2.5 and B1.1 asks for).
/// Field names are the JSON paths of the plan body; messages are keys of the shared string table.
/// </summary>
public static class PlanRules
{
    public const string Required = "Required.";
    public const string TooLong200 = "Must be at most 200 characters.";
    public const string TooLong4000 = "Must be at most 4,000 characters.";
    public const string TooLong100k = "Must be at most 100,000 characters.";
    public const string MustBePositive = "Must be greater than zero.";
    public const string MustNotBeNegative = "Must not be negative.";
    public const string TooManyDecimals = "Use at most two decimals (yuan and fen).";
    public const string TooLarge = "The number is too large.";
    public const string LevelRange = "Must be between 0 and 5.";
    public const string ClosesBeforeOpens = "Registration must close after it opens.";
    public const string EndsBeforeStarts = "The activity must end after it starts.";
    public const string RegistrationAfterEnd = "Registration must close before the activity ends.";
    public const string DuplicateKey = "Each task key must be unique.";
    public const string UnknownTask = "No task of the plan has this key.";
    public const string AtLeastOne = "Add at least one.";
    public const string CapacityNeeded = "Registration needs a capacity.";
    public const string ReplyRuleNeeded = "Reply participation needs a reply rule.";
    public const string TasksNeeded = "Task participation needs at least one task.";
    /// <summary>PostgreSQL text cannot hold U+0000; it is never meaningful in a plan either.</summary>
    public const string NulCharacter = "Must not contain the NUL character (U+0000).";
    public const string RewardsBudgetMismatch = "The rewards budget line does not match the rewards (quantity × unit value).";

    private const decimal MaxMoney = 1_000_000_000m;

    public static Dictionary<string, string[]> Validate(Plan plan)
    {
        var e = new Errors();
        e.Length("title", plan.Title, 200, TooLong200);
        e.Length("theme", plan.Theme, 200, TooLong200);
        e.Length("summary", plan.Summary, 4000, TooLong4000);
        e.Length("content", plan.Content, 100_000, TooLong100k);

        var p = plan.Participation ?? new ParticipationPlan();
        if (p.Capacity is <= 0) e.Add("participation.capacity", MustBePositive);
        if (p.ReplyRule is { } rule)
        {
            e.Length("participation.replyRule.keyword", rule.Keyword, 200, TooLong200);
            if (rule.MinLength < 0) e.Add("participation.replyRule.minLength", MustNotBeNegative);
        }
        var keys = new HashSet<string>();
        for (var i = 0; i < (p.Tasks?.Count ?? 0); i++)
        {
            var task = p.Tasks![i];
            var at = $"participation.tasks[{i}]";
            if (task is null) { e.Add(at, Required); continue; }
            if (string.IsNullOrWhiteSpace(task.Key)) e.Add($"{at}.key", Required);
            else if (!keys.Add(task.Key)) e.Add($"{at}.key", DuplicateKey);
            e.Length($"{at}.key", task.Key, 200, TooLong200);
            e.Length($"{at}.title", task.Title, 200, TooLong200);
        }

        var eligibility = plan.Eligibility ?? new EligibilityRule();
        if (eligibility.MinLevel is < 0 or > 5) e.Add("eligibility.minLevel", LevelRange);

        var s = plan.Schedule ?? new Schedule();
        if (s.RegistrationOpensAt >= s.RegistrationClosesAt) e.Add("schedule.registrationClosesAt", ClosesBeforeOpens);
        if (s.StartsAt >= s.EndsAt) e.Add("schedule.endsAt", EndsBeforeStarts);
        if (s.RegistrationClosesAt > s.EndsAt) e.Add("schedule.registrationClosesAt", RegistrationAfterEnd);

        for (var i = 0; i < (plan.Rewards?.Count ?? 0); i++)
        {
            var r = plan.Rewards![i];
            var at = $"rewards[{i}]";
            if (r is null) { e.Add(at, Required); continue; }
            if (string.IsNullOrWhiteSpace(r.Name)) e.Add($"{at}.name", Required);
            e.Length($"{at}.name", r.Name, 200, TooLong200);
            if (r.Quantity <= 0) e.Add($"{at}.quantity", MustBePositive);
            e.Money($"{at}.unitValue", r.UnitValue);
        }

        e.Length("resources.people", plan.Resources?.People, 4000, TooLong4000);
        e.Length("resources.materials", plan.Resources?.Materials, 4000, TooLong4000);
        e.Length("resources.notes", plan.Resources?.Notes, 4000, TooLong4000);

        for (var i = 0; i < (plan.Risks?.Count ?? 0); i++)
        {
            var r = plan.Risks![i];
            var at = $"risks[{i}]";
            if (r is null) { e.Add(at, Required); continue; }
            if (string.IsNullOrWhiteSpace(r.Description)) e.Add($"{at}.description", Required);
            e.Length($"{at}.description", r.Description, 4000, TooLong4000);
            e.Length($"{at}.mitigation", r.Mitigation, 4000, TooLong4000);
        }

        for (var i = 0; i < (plan.Budget?.Count ?? 0); i++)
        {
            var b = plan.Budget![i];
            if (b is null) { e.Add($"budget[{i}]", Required); continue; }
            e.Money($"budget[{i}].amount", b.Amount);
            e.Length($"budget[{i}].note", b.Note, 4000, TooLong4000);
        }

        for (var i = 0; i < (plan.Team?.Count ?? 0); i++)
            if (string.IsNullOrWhiteSpace(plan.Team![i])) e.Add($"team[{i}]", Required);
            else if (plan.Team[i].Contains('\0')) e.Add($"team[{i}]", NulCharacter);

        for (var i = 0; i < (plan.Evidence?.Count ?? 0); i++)
        {
            var ev = plan.Evidence![i];
            if (ev is null || string.IsNullOrWhiteSpace(ev.Summary)) e.Add($"evidence[{i}].summary", Required);
            e.Length($"evidence[{i}].source", ev?.Source, 200, TooLong200);
            e.Length($"evidence[{i}].summary", ev?.Summary, 4000, TooLong4000);
        }
        for (var i = 0; i < (plan.Goals?.Count ?? 0); i++)
        {
            var g = plan.Goals![i];
            if (g is null || string.IsNullOrWhiteSpace(g.Name)) e.Add($"goals[{i}].name", Required);
            e.Length($"goals[{i}].name", g?.Name, 200, TooLong200);
            e.Length($"goals[{i}].unit", g?.Unit, 200, TooLong200);
            if (g?.Target is { } target) e.Money($"goals[{i}].target", target);
        }
        if (plan.BenefitValue is { } benefit) e.Money("benefitValue", benefit);
        return e.ToDictionary();
    }

    /// <summary>Every part a plan must have before review, by field: empty when the plan is complete.</summary>
    public static Dictionary<string, string[]> MissingParts(Plan plan)
    {
        var e = new Errors();
        e.Present("title", plan.Title);
        e.Present("theme", plan.Theme);
        e.Present("summary", plan.Summary);
        if (plan.Format is null) e.Add("format", Required);
        e.Present("content", plan.Content);

        var p = plan.Participation ?? new ParticipationPlan();
        switch (p.Method)
        {
            case null: e.Add("participation.method", Required); break;
            case ParticipationMethod.Registration when p.Capacity is null: e.Add("participation.capacity", CapacityNeeded); break;
            case ParticipationMethod.Reply when p.ReplyRule is null: e.Add("participation.replyRule", ReplyRuleNeeded); break;
            case ParticipationMethod.Tasks when (p.Tasks?.Count ?? 0) == 0: e.Add("participation.tasks", TasksNeeded); break;
        }
        var taskKeys = (p.Tasks ?? []).Where(t => t is not null).Select(t => t.Key).ToHashSet();
        var required = plan.Eligibility?.RequiredTasks ?? [];
        for (var i = 0; i < required.Count; i++)
            if (!taskKeys.Contains(required[i]) && !PlatformTasks.Keys.Contains(required[i]))
                e.Add($"eligibility.requiredTasks[{i}]", UnknownTask);

        var s = plan.Schedule ?? new Schedule();
        if (s.RegistrationOpensAt is null) e.Add("schedule.registrationOpensAt", Required);
        if (s.RegistrationClosesAt is null) e.Add("schedule.registrationClosesAt", Required);
        if (s.StartsAt is null) e.Add("schedule.startsAt", Required);
        if (s.EndsAt is null) e.Add("schedule.endsAt", Required);

        if ((plan.Rewards?.Count ?? 0) == 0) e.Add("rewards", AtLeastOne);
        e.Present("resources.people", plan.Resources?.People);
        e.Present("resources.materials", plan.Resources?.Materials);
        if ((plan.Risks?.Count ?? 0) == 0) e.Add("risks", AtLeastOne);
        for (var i = 0; i < (plan.Risks?.Count ?? 0); i++)
            if (plan.Risks![i] is { } r) e.Present($"risks[{i}].mitigation", r.Mitigation);
        if ((plan.Budget?.Count ?? 0) == 0) e.Add("budget", AtLeastOne);
        return e.ToDictionary();
    }

    /// <summary>
    /// The rewards line against the rewards it pays for (quantity × unit value), shown to reviewers (A2.4, B1.1);
    /// null when they agree or there is nothing to compare.
    /// </summary>
    public static (decimal Budgeted, decimal Rewards)? RewardsBudgetGap(Plan plan)
    {
        var rewards = (plan.Rewards ?? []).Where(r => r is not null).Sum(r => r.Quantity * r.UnitValue);
        var budgeted = (plan.Budget ?? []).Where(b => b?.Category == BudgetCategory.Rewards).Sum(b => b.Amount);
        return rewards == budgeted ? null : (budgeted, rewards);
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new();
        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
            if (!list.Contains(message)) list.Add(message);
        }
        public void Present(string field, string? value) { if (string.IsNullOrWhiteSpace(value)) Add(field, Required); }
        public void Length(string field, string? value, int max, string message)
        {
            if (value?.Length > max) Add(field, message);
            if (value?.Contains('\0') == true) Add(field, NulCharacter);
        }
        public void Money(string field, decimal value)
        {
            if (value < 0) Add(field, MustNotBeNegative);
            else if (value > MaxMoney) Add(field, TooLarge);
            else if (decimal.Round(value, 2) != value) Add(field, TooManyDecimals);
        }
        public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}

/// <summary>
/// Platform-wide tasks an eligibility rule may require (M1.2), recorded when the member does them: saving their
/// profile with a nickname of their own, and posting their first comment anywhere.
/// </summary>
public static class PlatformTasks
{
    public const string CompleteProfile = "complete-profile";
    public const string FirstPost = "first-post";
    public static readonly IReadOnlySet<string> Keys = new HashSet<string> { CompleteProfile, FirstPost };
}
