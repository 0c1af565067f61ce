using Huodong.Web.Participation;
using Huodong.Web.Planning;

namespace Huodong.Tests.Participation;

/// <summary><see cref="Eligibility"/>: M1.1 everyone may take part, M1.2 unless a level or tasks are required.</summary>
public sealed class EligibilityTests
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    [Fact]
    public void Without_a_rule_every_member_is_eligible()
    {
        Assert.True(Eligibility.Check(null, 1, None).Eligible);
        Assert.True(Eligibility.Check(new EligibilityRule(), 1, None).Eligible);
        Assert.True(Eligibility.Check(new EligibilityRule { RequiredTasks = null! }, 1, None).Eligible);
    }

    [Fact]
    public void A_member_below_the_level_is_told_both_levels()
    {
        var verdict = Eligibility.Check(new EligibilityRule { MinLevel = 3 }, 2, None);

        Assert.False(verdict.Eligible);
        Assert.Equal("You need level {0}; you are level {1}.", verdict.ReasonKey);
        Assert.Equal([3, 2], verdict.Args);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void A_member_at_or_above_the_level_is_eligible(int level)
    {
        var verdict = Eligibility.Check(new EligibilityRule { MinLevel = 3 }, level, None);

        Assert.True(verdict.Eligible);
        Assert.Null(verdict.ReasonKey);
    }

    [Fact]
    public void Missing_tasks_are_named_in_the_plans_order()
    {
        var rule = new EligibilityRule { RequiredTasks = ["verify-phone", "complete-profile", "first-post"] };

        var verdict = Eligibility.Check(rule, 1, new HashSet<string> { "complete-profile" });

        Assert.False(verdict.Eligible);
        Assert.Equal(["verify-phone", "first-post"], verdict.MissingTasks);
        Assert.Equal("You still need to complete: {0}.", verdict.ReasonKey);
        Assert.Equal(["verify-phone, first-post"], verdict.Args);
    }

    [Fact]
    public void Every_required_task_done_makes_the_member_eligible()
    {
        var rule = new EligibilityRule { MinLevel = 2, RequiredTasks = ["complete-profile"] };

        Assert.True(Eligibility.Check(rule, 2, new HashSet<string> { "complete-profile", "other" }).Eligible);
    }

    [Fact]
    public void The_level_is_reported_before_missing_tasks()
    {
        var verdict = Eligibility.Check(new EligibilityRule { MinLevel = 4, RequiredTasks = ["complete-profile"] }, 1, None);

        Assert.Equal("You need level {0}; you are level {1}.", verdict.ReasonKey);
    }
}
