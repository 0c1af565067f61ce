namespace Huodong.Web.People;

/// <summary>
/// One line of a member's points ledger: credits (rewards, staff grants) and debits (penalties, redemptions). The
/// ledger is append-only; the member's balance is the sum of its lines.
/// </summary>
public class PointsEntry
{
    private PointsEntry() { }

    public PointsEntry(Guid memberId, int delta, string reason, Guid? activityId, Guid? byStaffId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        MemberId = memberId;
        Delta = delta;
        Reason = reason;
        ActivityId = activityId;
        ByStaffId = byStaffId;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public int Delta { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid? ActivityId { get; private set; }
    public Guid? ByStaffId { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>How points make a level (M1.2 thresholds), unless staff set the level.</summary>
public static class MemberLevels
{
    /// <summary>Points needed for levels 2, 3, 4 and 5.</summary>
    public static readonly int[] Thresholds = [100, 500, 2000, 5000];

    public static int ForPoints(int points) => 1 + Thresholds.Count(t => points >= t);
}
