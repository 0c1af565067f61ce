namespace Huodong.Web.Participation;

/// <summary>
/// The counters that keep capacity (DESIGN.md principle 3): places are claimed by one atomic conditional UPDATE
/// (<c>confirmed &lt; capacity</c>), never by reading and then writing, so no number of concurrent requests on any
/// number of instances can oversell. <see cref="NextNumber"/> numbers registrations in order of arrival.
/// </summary>
public class ActivitySeats
{
    private ActivitySeats() { }

    public ActivitySeats(Guid activityId, int? capacity, bool waitlist)
    {
        ActivityId = activityId;
        Capacity = capacity;
        Waitlist = waitlist;
    }

    public Guid ActivityId { get; private set; }
    /// <summary>Null: no cap.</summary>
    public int? Capacity { get; private set; }
    public bool Waitlist { get; private set; }
    public int Confirmed { get; private set; }
    public int Waitlisted { get; private set; }
    public long NextNumber { get; private set; }

    public void Resize(int? capacity, bool waitlist)
    {
        Capacity = capacity;
        Waitlist = waitlist;
    }
}
