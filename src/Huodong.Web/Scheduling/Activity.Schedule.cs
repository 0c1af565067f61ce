namespace Huodong.Web.Planning;

/// <summary>
/// E2.1 held launch: at the start time the scheduler found the readiness gate unmet, kept the activity Approved and
/// alerted the team. It tries again until the gate holds (then launches, late) or the activity ends or is cancelled.
/// </summary>
public partial class Activity
{
    /// <summary>When the scheduler first held this activity back; null if it never had to.</summary>
    public DateTimeOffset? LaunchHeldAt { get; private set; }

    /// <summary>What the gate found missing at the latest attempt, comma-separated (ReadinessCondition names).</summary>
    public string? LaunchHeldFor { get; private set; }

    /// <summary>Records a held launch; true the first time, when the team must be alerted.</summary>
    public bool HoldLaunch(IReadOnlyCollection<string> unmet, DateTimeOffset at)
    {
        var first = LaunchHeldAt is null;
        LaunchHeldAt ??= at;
        LaunchHeldFor = string.Join(",", unmet);
        UpdatedAt = at;
        return first;
    }
}
