using Huodong.Web.Scheduling;

namespace Huodong.Tests.Scheduling;

/// <summary>A reminder's trigger key carries its lead; a lead that is not whole minutes must survive the round trip.</summary>
public sealed class ReminderKeyTests
{
    [Theory]
    [InlineData(90)]
    [InlineData(3600)]
    [InlineData(86400)]
    public void The_lead_read_back_from_a_reminder_key_is_the_lead_it_was_made_with(int seconds)
    {
        var id = Guid.NewGuid();
        var lead = TimeSpan.FromSeconds(seconds);
        Assert.Equal((id, lead), QuartzTimetable.Parse(QuartzTimetable.ReminderKey(id, lead)));
    }

    [Fact]
    public void Whole_minute_leads_keep_the_key_triggers_already_stored_have() =>
        Assert.Equal("reminder-60", QuartzTimetable.ReminderKey(Guid.NewGuid(), TimeSpan.FromHours(1)).Name);
}
