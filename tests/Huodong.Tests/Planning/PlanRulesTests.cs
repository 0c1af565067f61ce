using Huodong.Tests.Builders;
using Huodong.Web.Planning;

namespace Huodong.Tests.Planning;

/// <summary><see cref="PlanRules"/>: what a saved plan may hold (Validate) and what a submitted one must (MissingParts).</summary>
public sealed class PlanRulesTests
{
    private static Plan Complete => Plans.Complete("规则测试");

    [Fact]
    public void A_complete_plan_is_valid_and_misses_nothing()
    {
        Assert.Empty(PlanRules.Validate(Complete));
        Assert.Empty(PlanRules.MissingParts(Complete));
        Assert.Null(PlanRules.RewardsBudgetGap(Complete));
    }

    [Fact]
    public void An_empty_draft_is_valid_because_drafts_may_be_incomplete()
    {
        Assert.Empty(PlanRules.Validate(new Plan()));
    }

    [Fact]
    public void An_empty_plan_misses_every_part_a_review_needs()
    {
        Assert.Equal(
            ["budget", "content", "format", "participation.method", "resources.materials", "resources.people", "rewards", "risks",
             "schedule.endsAt", "schedule.registrationClosesAt", "schedule.registrationOpensAt", "schedule.startsAt", "summary", "theme", "title"],
            PlanRules.MissingParts(new Plan()).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Blank_text_counts_as_missing(string blank)
    {
        var missing = PlanRules.MissingParts(Complete with { Title = blank, Theme = blank, Resources = new ResourcePlan { People = blank, Materials = "x" } });
        Assert.Equal(["resources.people", "theme", "title"], missing.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.01", true)]
    [InlineData("1.10", true)]
    [InlineData("1.100", true)]
    [InlineData("1000000000", true)]
    [InlineData("0.001", false)]
    [InlineData("10.999", false)]
    [InlineData("-0.01", false)]
    [InlineData("1000000000.01", false)]
    public void Money_is_yuan_with_at_most_two_decimals_not_negative_and_bounded(string amount, bool valid)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var plan = Complete with
        {
            Budget = [new BudgetLine(BudgetCategory.Other, value, null)],
            Rewards = [new RewardSetting("奖", RewardKind.Points, 1, value, RewardRule.Ranking)],
        };
        var errors = PlanRules.Validate(plan);
        Assert.Equal(valid, !errors.ContainsKey("budget[0].amount"));
        Assert.Equal(valid, !errors.ContainsKey("rewards[0].unitValue"));
    }

    [Fact]
    public void Money_errors_say_which_rule_was_broken()
    {
        var errors = PlanRules.Validate(Complete with
        {
            Budget = [new BudgetLine(BudgetCategory.Other, -1, null), new BudgetLine(BudgetCategory.Other, 0.125m, null), new BudgetLine(BudgetCategory.Other, 2_000_000_000m, null)],
        });
        Assert.Equal([PlanRules.MustNotBeNegative], errors["budget[0].amount"]);
        Assert.Equal([PlanRules.TooManyDecimals], errors["budget[1].amount"]);
        Assert.Equal([PlanRules.TooLarge], errors["budget[2].amount"]);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100000, true)]
    public void Capacity_when_given_is_positive(int capacity, bool valid)
    {
        Assert.Equal(valid, !PlanRules.Validate(Complete.WithCapacity(capacity)).ContainsKey("participation.capacity"));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void The_minimum_level_is_between_0_and_5(int level, bool valid)
    {
        var plan = Complete with { Eligibility = new EligibilityRule { MinLevel = level } };
        Assert.Equal(valid, !PlanRules.Validate(plan).ContainsKey("eligibility.minLevel"));
    }

    [Fact]
    public void The_schedule_must_run_forward()
    {
        var t = Plans.Now;
        var same = new Schedule { RegistrationOpensAt = t, RegistrationClosesAt = t, StartsAt = t.AddDays(1), EndsAt = t.AddDays(1) };
        var errors = PlanRules.Validate(Complete with { Schedule = same });
        Assert.Equal([PlanRules.ClosesBeforeOpens], errors["schedule.registrationClosesAt"]);
        Assert.Equal([PlanRules.EndsBeforeStarts], errors["schedule.endsAt"]);

        var lateClose = new Schedule { RegistrationOpensAt = t, RegistrationClosesAt = t.AddDays(3), StartsAt = t.AddDays(1), EndsAt = t.AddDays(2) };
        Assert.Equal([PlanRules.RegistrationAfterEnd], PlanRules.Validate(Complete with { Schedule = lateClose })["schedule.registrationClosesAt"]);

        var closesAtEnd = new Schedule { RegistrationOpensAt = t, RegistrationClosesAt = t.AddDays(2), StartsAt = t.AddDays(1), EndsAt = t.AddDays(2) };
        Assert.Empty(PlanRules.Validate(Complete with { Schedule = closesAtEnd }));
    }

    [Fact]
    public void Times_in_different_offsets_compare_as_instants()
    {
        var opens = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));  // 01:00 UTC
        var closes = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);         // 02:00 UTC, later
        var schedule = Complete.Schedule with { RegistrationOpensAt = opens, RegistrationClosesAt = closes };
        Assert.False(PlanRules.Validate(Complete with { Schedule = schedule }).ContainsKey("schedule.registrationClosesAt"));
    }

    [Fact]
    public void Lengths_are_bounded_at_the_limit_not_before()
    {
        Assert.Empty(PlanRules.Validate(Complete with { Title = new string('题', 200) }));
        Assert.Equal([PlanRules.TooLong200], PlanRules.Validate(Complete with { Title = new string('题', 201) })["title"]);
        Assert.Equal([PlanRules.TooLong4000], PlanRules.Validate(Complete with { Summary = new string('x', 4001) })["summary"]);
    }

    [Fact]
    public void Text_may_not_hold_the_NUL_character_which_PostgreSQL_cannot_store()
    {
        var errors = PlanRules.Validate(Complete with { Title = "a\0b", Content = "x\0", Team = ["planner2@demo.huodong\0"] });
        Assert.Equal([PlanRules.NulCharacter], errors["title"]);
        Assert.Equal([PlanRules.NulCharacter], errors["content"]);
        Assert.Equal([PlanRules.NulCharacter], errors["team[0]"]);
        Assert.Empty(PlanRules.Validate(Complete with { Content = "换行\n与\t制表符可以" }));
    }

    [Fact]
    public void Task_keys_are_required_and_unique()
    {
        var plan = Complete with
        {
            Participation = new ParticipationPlan { Method = ParticipationMethod.Tasks, Tasks = [new("a", "A"), new("a", "A2"), new(" ", "B")] },
        };
        var errors = PlanRules.Validate(plan);
        Assert.Equal([PlanRules.DuplicateKey], errors["participation.tasks[1].key"]);
        Assert.Equal([PlanRules.Required], errors["participation.tasks[2].key"]);
    }

    [Fact]
    public void Null_entries_in_lists_are_named_not_crashed_on()
    {
        var plan = Complete with { Rewards = [null!], Risks = [null!], Budget = [null!], Team = [null!], Evidence = [null!] };
        var errors = PlanRules.Validate(plan);
        Assert.Contains("rewards[0]", errors.Keys);
        Assert.Contains("risks[0]", errors.Keys);
        Assert.Contains("budget[0]", errors.Keys);
        Assert.Contains("team[0]", errors.Keys);
        Assert.Contains("evidence[0].summary", errors.Keys);
        _ = PlanRules.MissingParts(plan); // must not throw either
    }

    [Fact]
    public void Null_parts_are_treated_as_empty()
    {
        var plan = new Plan { Participation = null!, Eligibility = null!, Schedule = null!, Resources = null!, Rewards = null!, Risks = null!, Budget = null! };
        Assert.Empty(PlanRules.Validate(plan));
        Assert.Contains("participation.method", PlanRules.MissingParts(plan).Keys);
    }

    [Theory]
    [InlineData(ParticipationMethod.Registration, "participation.capacity")]
    [InlineData(ParticipationMethod.Reply, "participation.replyRule")]
    [InlineData(ParticipationMethod.Tasks, "participation.tasks")]
    public void Each_participation_method_needs_its_own_part(ParticipationMethod method, string part)
    {
        var plan = Complete with { Participation = new ParticipationPlan { Method = method } };
        Assert.Equal([part], PlanRules.MissingParts(plan).Keys);
    }

    [Fact]
    public void Required_tasks_must_be_tasks_of_the_plan_or_of_the_platform()
    {
        var plan = Complete with
        {
            Participation = new ParticipationPlan { Method = ParticipationMethod.Tasks, Tasks = [new("share", "分享")] },
            Eligibility = new EligibilityRule { RequiredTasks = ["share", "first-post", "fly-to-moon"] },
        };
        Assert.Equal(["eligibility.requiredTasks[2]"], PlanRules.MissingParts(plan).Keys);
    }

    [Fact]
    public void Every_risk_needs_a_response_measure()
    {
        var plan = Complete with { Risks = [new Risk("宕机", RiskLevel.Low, RiskLevel.High, "扩容"), new Risk("刷票", RiskLevel.High, RiskLevel.Medium, " ")] };
        Assert.Equal(["risks[1].mitigation"], PlanRules.MissingParts(plan).Keys);
    }

    [Fact]
    public void The_rewards_budget_gap_compares_the_rewards_line_with_quantity_times_unit_value()
    {
        var plan = Complete with { Budget = [new BudgetLine(BudgetCategory.Rewards, 500m, null), new BudgetLine(BudgetCategory.Rewards, 100m, null)] };
        Assert.Equal((600m, 799m), PlanRules.RewardsBudgetGap(plan));
    }

    [Fact]
    public void Goals_need_a_name_and_a_sensible_target_and_the_benefit_is_money()
    {
        var plan = Complete with { Goals = [new PlanGoal("", -1m, null), new PlanGoal("新增关注", 500m, "人")], BenefitValue = 10.001m };
        var errors = PlanRules.Validate(plan);
        Assert.Equal([PlanRules.Required], errors["goals[0].name"]);
        Assert.Equal([PlanRules.MustNotBeNegative], errors["goals[0].target"]);
        Assert.Equal([PlanRules.TooManyDecimals], errors["benefitValue"]);
        Assert.False(errors.ContainsKey("goals[1].name"));
    }
}
