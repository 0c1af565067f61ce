using Huodong.Tests.Builders;
using Huodong.Web.Planning;
using Huodong.Web.Preparation;

namespace Huodong.Tests.Preparation;

/// <summary>The readiness gate's rules (E1.1–E1.4) and the gated launch (E2.1), as plain unit tests.</summary>
public sealed class ReadinessRulesTests
{
    private static readonly Guid ActivityId = Guid.CreateVersion7();
    private static readonly Guid Staff = Guid.NewGuid();
    private static readonly DateTimeOffset At = Plans.Now;
    private static readonly PromotionState Sent = new(true, At);

    private static Duty Duty(Guid? assignee, string title = "主持人") =>
        Web.Preparation.Duty.Create(ActivityId, new DutyInput(DutyKind.Host, title, At, At.AddHours(2), null), assignee, At).Value!;

    private static Material Material(MaterialStatus status, int inHand, string name = "奖品") =>
        Web.Preparation.Material.Create(ActivityId, new MaterialInput(name, MaterialKind.Prize, 2, inHand, null, status, null), null, At).Value!;

    private static ReadinessCheck Check(bool probePassed = true, bool tickAll = true)
    {
        var check = new ReadinessCheck(ActivityId, Staff, At, [("database", new ProbeResult(probePassed, "…"))], Checklist.Defaults);
        if (tickAll) foreach (var (key, _) in Checklist.Defaults) check.Tick(key, true, Staff, At);
        return check;
    }

    private static ReadinessVerdict Evaluate(IReadOnlyList<Duty>? duties = null, IReadOnlyList<Material>? materials = null,
        ReadinessCheck? check = null, PromotionState? promotion = null, bool noCheck = false) =>
        ReadinessRules.Evaluate(duties ?? [Duty(Staff)], materials ?? [Material(MaterialStatus.Ready, 2)],
            noCheck ? null : check ?? Check(), promotion ?? Sent);

    private static List<string> Missing(ReadinessVerdict v) => v.AllMissing.Select(m => m.Code).ToList();

    [Fact]
    public void Everything_staffed_ready_checked_and_announced_is_ready() => Assert.True(Evaluate().Ready);

    [Fact]
    public void A_duty_without_a_named_person_holds_the_gate_and_is_named()
    {
        var v = Evaluate(duties: [Duty(Staff), Duty(null, "问答")]);
        Assert.False(v.Ready);
        var missing = Assert.Single(v.AllMissing);
        Assert.Equal(("duty-unstaffed", "问答"), (missing.Code, missing.Args[0]));
    }

    [Fact]
    public void No_duties_at_all_is_not_staffed() => Assert.Equal(["no-duties"], Missing(Evaluate(duties: [])));

    [Fact]
    public void A_material_not_ready_holds_the_gate() =>
        Assert.Equal(["material-not-ready"], Missing(Evaluate(materials: [Material(MaterialStatus.Ordered, 2)])));

    [Fact]
    public void No_materials_needed_holds_nothing_back() => Assert.True(Evaluate(materials: []).Ready);

    [Fact]
    public void Without_a_readiness_check_the_gate_does_not_hold() =>
        Assert.Equal(["no-readiness-check"], Missing(Evaluate(noCheck: true)));

    [Fact]
    public void A_failed_probe_or_an_unticked_item_fails_the_technical_check()
    {
        Assert.Equal(["probe-failed"], Missing(Evaluate(check: Check(probePassed: false))));
        Assert.Equal(Checklist.Defaults.Length, Missing(Evaluate(check: Check(tickAll: false))).Count(c => c == "item-not-ticked"));
    }

    [Fact]
    public void An_unsent_promotion_holds_the_gate() =>
        Assert.Equal(["promotion-not-sent"], Missing(Evaluate(promotion: new PromotionState(false))));

    [Fact]
    public void Ready_material_needs_the_full_quantity_in_hand() =>
        Assert.False(Web.Preparation.Material.Create(ActivityId,
            new MaterialInput("奖品", MaterialKind.Prize, 3, 2, null, MaterialStatus.Ready, null), null, At).IsOk);

    [Fact]
    public void Launch_is_refused_when_the_gate_does_not_hold_and_allowed_when_it_does()
    {
        var activity = new ActivityBuilder().Approved().Build();
        var start = activity.StartsAt!.Value;

        Assert.Equal("not-yet-time", activity.LaunchWhenReady(ActivityBuilder.Author, [], start.AddMinutes(-1)).Error!.Code);
        Assert.Equal("not-ready", activity.LaunchWhenReady(ActivityBuilder.Author, ["Promotion"], start).Error!.Code);
        Assert.Equal(ActivityStatus.Approved, activity.Status);
        Assert.True(activity.LaunchWhenReady(ActivityBuilder.Author, [], start).IsOk);
        Assert.Equal(ActivityStatus.Live, activity.Status);
    }
}
