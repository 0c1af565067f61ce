using Huodong.Tests.Builders;
using Huodong.Web.LiveOps;
using Huodong.Web.Planning;

namespace Huodong.Tests.LiveOps;

/// <summary>The pause and incident transitions as plain unit tests, where the rules live.</summary>
public sealed class PauseAndIncidentRulesTests
{
    private static readonly Guid Staff = Guid.Parse("00000000-0000-0000-0000-00000000e001");

    private static Activity Live() => new ActivityBuilder().Approved().Then((a, _) => a.Launch(ActivityBuilder.Author, a.StartsAt!.Value)).Build();

    [Fact]
    public void Pausing_a_live_activity_keeps_the_reason_and_resuming_clears_it()
    {
        var a = Live();
        var at = a.StartsAt!.Value.AddMinutes(10);

        Assert.True(a.Pause(Staff, "  推流中断  ", at).IsOk);
        Assert.Equal((ActivityStatus.Paused, "推流中断"), (a.Status, a.PauseReason));
        Assert.Equal(("activity.paused", ActivityStatus.Live, ActivityStatus.Paused), (a.Transitions[^1].Action, a.Transitions[^1].From, a.Transitions[^1].To));

        Assert.True(a.Resume(Staff, null, at.AddMinutes(5)).IsOk);
        Assert.Equal((ActivityStatus.Live, null), (a.Status, a.PauseReason));
        Assert.Equal("activity.resumed", a.Transitions[^1].Action);
    }

    [Fact]
    public void Pause_needs_a_reason_and_a_live_activity()
    {
        var live = Live();
        Assert.Equal("validation", live.Pause(Staff, " ", ActivityBuilder.Later).Error!.Code);
        Assert.Equal("validation", live.Pause(Staff, new string('x', 2001), ActivityBuilder.Later).Error!.Code);
        Assert.Equal("wrong-state", new ActivityBuilder().Approved().Build().Pause(Staff, "x", ActivityBuilder.Later).Error!.Code);
        Assert.Equal("wrong-state", live.Resume(Staff, null, ActivityBuilder.Later).Error!.Code);
    }

    [Fact]
    public void A_paused_activity_can_still_end_on_time()
    {
        var a = Live();
        a.Pause(Staff, "x", a.StartsAt!.Value.AddMinutes(1));
        Assert.True(a.End(Staff, a.EndsAt!.Value).IsOk);
    }

    [Fact]
    public void An_incident_is_resolved_only_with_a_resolution_and_then_stays_resolved()
    {
        var at = ActivityBuilder.Later;
        var incident = Incident.Open(Guid.NewGuid(), Staff, IncidentKind.MemberInquiry, IncidentSeverity.Low, "规则咨询", null, at).Value!;

        Assert.True(incident.Acknowledge(Staff, at.AddMinutes(1)).IsOk);
        Assert.Equal(Staff, incident.AssigneeId);
        Assert.Equal("validation", incident.Resolve(Staff, "", at.AddMinutes(2)).Error!.Code);
        Assert.Null(incident.TimeToResolve);
        Assert.True(incident.Resolve(Staff, "已在评论区答复", at.AddMinutes(12)).IsOk);
        Assert.Equal(TimeSpan.FromMinutes(12), incident.TimeToResolve);
        Assert.Equal("wrong-state", incident.Assign(Staff, Guid.NewGuid(), at.AddMinutes(13)).Error!.Code);
        Assert.Equal([1, 2, 3], incident.Timeline.Select(t => t.Number));
    }
}
