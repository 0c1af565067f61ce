using Huodong.Web.Shared;

namespace Huodong.Web.Planning;

/// <summary>
/// E2.2 / S1.2 emergency pause: staff on watch stop a live activity at once when something goes wrong (a fault, a
/// violation, an attack) and resume it when it is handled. Kept with the live operations feature; the lifecycle
/// stays the activity's own (Live ⇄ Paused of DESIGN.md).
/// </summary>
public partial class Activity
{
    /// <summary>Why the activity is paused, shown to members on its page; null unless <see cref="ActivityStatus.Paused"/>.</summary>
    public string? PauseReason { get; private set; }

    /// <summary>Live → Paused with a reason members will read.</summary>
    public Result Pause(Guid actorId, string? reason, DateTimeOffset at)
    {
        if (Status != ActivityStatus.Live) return ActivityErrors.WrongState(Status);
        if (CheckReason(reason) is { } invalid) return invalid;
        PauseReason = reason!.Trim();
        Move(ActivityStatus.Paused, "activity.paused", actorId, at, PauseReason);
        return Result.Ok;
    }

    /// <summary>Paused → Live; the optional note is kept in the history only.</summary>
    public Result Resume(Guid actorId, string? note, DateTimeOffset at)
    {
        if (Status != ActivityStatus.Paused) return ActivityErrors.WrongState(Status);
        if (!string.IsNullOrWhiteSpace(note) && CheckReason(note) is { } invalid) return invalid;
        PauseReason = null;
        Move(ActivityStatus.Live, "activity.resumed", actorId, at, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return Result.Ok;
    }

    private static Error? CheckReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return ActivityErrors.ReasonRequired;
        if (reason.Trim().Length > ActivityErrors.MaxReasonLength) return ActivityErrors.ReasonTooLong;
        if (reason.Contains('\0')) return ActivityErrors.ReasonNul;
        return null;
    }
}
