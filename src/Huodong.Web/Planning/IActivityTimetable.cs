namespace Huodong.Web.Planning;

/// <summary>
/// Keeps the scheduler's triggers for an activity in step with its state and times (E2.1): the store calls it after
/// every committed transition. The Scheduling feature implements it; without a scheduler it does nothing.
/// </summary>
public interface IActivityTimetable
{
    Task SyncAsync(Activity activity, CancellationToken ct);
}

public sealed class NoTimetable : IActivityTimetable
{
    public Task SyncAsync(Activity activity, CancellationToken ct) => Task.CompletedTask;
}
