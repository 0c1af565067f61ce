using System.Security.Cryptography;
using System.Text;
using Huodong.Tests.Builders;
using Huodong.Web.Planning;

namespace Huodong.Tests.Planning;

/// <summary>A frozen version's content hash must be recomputable from its plan forever: the canonical form is pinned.</summary>
public sealed class PlanHashTests
{
    private static readonly Plan Small = new()
    {
        Title = "春季摄影大赛",
        Format = ActivityFormat.Contest,
        Schedule = new Schedule { StartsAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)) },
        Budget = [new BudgetLine(BudgetCategory.Rewards, 799.50m, null)],
    };

    private const string SmallCanonical =
        "{\"title\":\"\\u6625\\u5B63\\u6444\\u5F71\\u5927\\u8D5B\",\"theme\":null,\"summary\":null,\"format\":\"Contest\",\"content\":null," +
        "\"participation\":{\"method\":null,\"capacity\":null,\"waitlist\":false,\"replyRule\":null,\"tasks\":[]}," +
        "\"eligibility\":{\"minLevel\":0,\"requiredTasks\":[]}," +
        "\"schedule\":{\"registrationOpensAt\":null,\"registrationClosesAt\":null,\"startsAt\":\"2026-12-01T10:00:00+08:00\",\"endsAt\":null}," +
        "\"rewards\":[],\"resources\":{\"people\":null,\"materials\":null,\"notes\":null},\"risks\":[]," +
        "\"budget\":[{\"category\":\"Rewards\",\"amount\":799.50,\"note\":null}],\"team\":[],\"evidence\":[]}";

    [Fact]
    public void The_canonical_json_of_a_plan_is_pinned()
    {
        Assert.Equal(SmallCanonical, Small.ToCanonicalJson());
    }

    [Fact]
    public void The_hash_is_the_lowercase_hex_sha256_of_the_canonical_utf8_bytes()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SmallCanonical)));
        Assert.Equal(expected, Plan.HashOf(Small.ToCanonicalJson()));
        Assert.Matches("^[0-9a-f]{64}$", expected);
    }

    [Fact]
    public void The_canonical_json_survives_a_round_trip_unchanged()
    {
        var plan = Plans.Complete("往返");
        var json = plan.ToCanonicalJson();
        Assert.Equal(json, Plan.FromJson(json).ToCanonicalJson());
        Assert.Equal(json, Plans.Complete("往返").ToCanonicalJson());
    }

    [Fact]
    public void Any_change_to_the_plan_changes_the_hash()
    {
        var plan = Plans.Complete("变化");
        var hash = Plan.HashOf(plan.ToCanonicalJson());
        Plan[] changed =
        [
            plan with { Title = "变化 " },
            plan.WithCapacity(501),
            plan with { Budget = [.. plan.Budget.Take(2), plan.Budget[2] with { Amount = 1200.01m }] },
            plan with { Schedule = plan.Schedule with { EndsAt = plan.Schedule.EndsAt!.Value.AddSeconds(1) } },
            plan with { Risks = [.. Enumerable.Reverse(plan.Risks)] },
            plan.WithTeam("planner2"),
        ];
        Assert.All(changed, c => Assert.NotEqual(hash, Plan.HashOf(c.ToCanonicalJson())));
        Assert.Equal(changed.Length, changed.Select(c => Plan.HashOf(c.ToCanonicalJson())).Distinct().Count());
    }

    [Fact]
    public void A_plan_version_records_the_hash_of_the_json_it_freezes()
    {
        var json = Small.ToCanonicalJson();
        var version = new PlanVersion(Guid.NewGuid(), 1, json, false, Guid.NewGuid(), Plans.Now);
        Assert.Equal(Plan.HashOf(json), version.Hash);
        Assert.Equal(json, version.Plan.ToCanonicalJson());
    }

    [Fact]
    public void Goals_and_benefit_are_part_of_the_canonical_json_only_when_the_plan_has_them()
    {
        var with = Small with { Goals = [new PlanGoal("新增关注", 500m, "人")], BenefitValue = 1200m };
        var json = with.ToCanonicalJson();
        Assert.EndsWith(",\"evidence\":[],\"goals\":[{\"name\":\"\\u65B0\\u589E\\u5173\\u6CE8\",\"target\":500,\"unit\":\"\\u4EBA\"}],\"benefitValue\":1200}", json);
        Assert.Equal(json, Plan.FromJson(json).ToCanonicalJson());
        Assert.Equal(SmallCanonical, Plan.FromJson(SmallCanonical).ToCanonicalJson()); // an old version: unchanged
    }
}
