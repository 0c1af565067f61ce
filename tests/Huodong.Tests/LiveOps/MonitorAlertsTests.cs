using Huodong.Web.LiveOps;

namespace Huodong.Tests.LiveOps;

/// <summary>The live monitor's alert rules on their own, with per-minute series built by hand.</summary>
public sealed class MonitorAlertsTests
{
    private static int[] Minutes(int previous30PerMinute, int last5PerMinute)
    {
        var series = new int[60];
        for (var i = 25; i < 55; i++) series[i] = previous30PerMinute;
        for (var i = 55; i < 60; i++) series[i] = last5PerMinute;
        return series;
    }

    private static MonitorSeries Comments(int[] perMinute) => new(new int[60], new int[60], perMinute, new int[60], new int[60]);

    [Fact]
    public void More_than_three_times_the_previous_average_is_a_spike()
    {
        // Previous 30 minutes: 1 a minute = 5 per 5 minutes; last 5: 4 a minute = 20 > 15.
        Assert.Equal((20, 5.0), MonitorAlerts.Spike(Minutes(1, 4)));
        // Exactly three times is not more than three times.
        Assert.Null(MonitorAlerts.Spike(Minutes(1, 3)));
    }

    [Fact]
    public void A_handful_of_events_after_a_quiet_half_hour_is_not_a_spike()
    {
        var series = new int[60];
        series[59] = MonitorAlerts.MinSpikeEvents - 1;
        Assert.Null(MonitorAlerts.Spike(series));
        series[59] = MonitorAlerts.MinSpikeEvents;
        Assert.NotNull(MonitorAlerts.Spike(series));
    }

    [Fact]
    public void Nobody_on_watch_alerts_but_an_unknown_roster_does_not()
    {
        var quiet = Comments(new int[60]);
        Assert.Contains(MonitorAlerts.Raise(quiet, [], [], WatchState.NobodyOnWatch), a => a.Code == "no-watch");
        Assert.Empty(MonitorAlerts.Raise(quiet, [], [], WatchState.Unknown));
        Assert.Empty(MonitorAlerts.Raise(quiet, [], [], WatchState.OnWatch));
    }

    [Fact]
    public void Questions_alert_from_15_minutes_of_waiting()
    {
        var now = DateTimeOffset.UtcNow;
        UnansweredQuestion Asked(int minutes) => new(Guid.NewGuid(), "m", "?", now.AddMinutes(-minutes), minutes);
        Assert.Empty(MonitorAlerts.Raise(Comments(new int[60]), [Asked(14)], [], WatchState.Unknown));
        var alert = Assert.Single(MonitorAlerts.Raise(Comments(new int[60]), [Asked(14), Asked(15), Asked(40)], [], WatchState.Unknown));
        Assert.Equal(("question-waiting", 2), (alert.Code, (int)alert.Args[0]));
    }

    [Fact]
    public void Five_server_errors_in_the_last_five_minutes_alert_and_older_ones_do_not()
    {
        var errors = new int[60];
        errors[54] = 10; // six minutes ago: outside the window
        errors[56] = 2;
        errors[59] = 2;
        MonitorSeries With(int[] e) => new(new int[60], new int[60], new int[60], new int[60], e);
        Assert.Empty(MonitorAlerts.Raise(With(errors), [], [], WatchState.Unknown));
        errors[58] = 1;
        var alert = Assert.Single(MonitorAlerts.Raise(With(errors), [], [], WatchState.Unknown));
        Assert.Equal(("error-rate", "critical", 5), (alert.Code, alert.Level, (int)alert.Args[0]));
    }
}
