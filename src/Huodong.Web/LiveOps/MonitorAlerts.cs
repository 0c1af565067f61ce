namespace Huodong.Web.LiveOps;

/// <summary>An alert on the live monitor: a stable code, its English text (the localisation key) and arguments.</summary>
public sealed record MonitorAlert(string Code, string Level, string Text, object[] Args);

/// <summary>
/// The live monitor's alert rules (E2.2 "handle problems promptly", S1.2 "anomalies are found"). Pure functions of
/// what the monitor read, so each rule is tested on its own.
/// </summary>
public static class MonitorAlerts
{
    /// <summary>Below this many events in five minutes nothing is a spike: two comments after a quiet half hour are not an anomaly.</summary>
    public const int MinSpikeEvents = 10;
    public const int SpikeFactor = 3;
    public const int QuestionWaitMinutes = 15;
    /// <summary>Server errors in the last five minutes from which the error rate is an alert.</summary>
    public const int ErrorAlertCount = 5;

    public static List<MonitorAlert> Raise(MonitorSeries series, IReadOnlyList<UnansweredQuestion> unanswered,
        IReadOnlyList<OpenIncident> incidents, WatchState watch)
    {
        var alerts = new List<MonitorAlert>();
        var critical = incidents.Count(i => i.Severity == IncidentSeverity.Critical);
        if (critical > 0)
            alerts.Add(new("critical-incident", "critical", "{0} critical incident(s) open.", [critical]));
        var errors = series.Errors[Math.Max(0, series.Errors.Length - 5)..].Sum();
        if (errors >= ErrorAlertCount)
            alerts.Add(new("error-rate", "critical", "{0} server errors in the last 5 minutes.", [errors]));
        if (Spike(series.Total) is { } spike)
            alerts.Add(new("spike", "warning", "Activity spike: {0} events in the last 5 minutes, against {1} per 5 minutes before.",
                [spike.Last5, spike.Average.ToString("0.#")]));
        var waiting = unanswered.Where(q => q.AgeMinutes >= QuestionWaitMinutes).ToList();
        if (waiting.Count > 0)
            alerts.Add(new("question-waiting", "warning", "{0} question(s) unanswered for more than 15 minutes.", [waiting.Count]));
        if (watch == WatchState.NobodyOnWatch)
            alerts.Add(new("no-watch", "critical", "No staff member is on watch now.", []));
        return alerts;
    }

    /// <summary>
    /// The last five minutes against the average five minutes of the thirty before them: a spike is more than
    /// <see cref="SpikeFactor"/> times that average (and at least <see cref="MinSpikeEvents"/> events).
    /// </summary>
    public static (int Last5, double Average)? Spike(int[] perMinute)
    {
        var n = perMinute.Length;
        if (n < 35) return null;
        var last5 = perMinute[(n - 5)..].Sum();
        var average = perMinute[(n - 35)..(n - 5)].Sum() / 6.0;
        return last5 >= MinSpikeEvents && last5 > SpikeFactor * average ? (last5, average) : null;
    }
}
