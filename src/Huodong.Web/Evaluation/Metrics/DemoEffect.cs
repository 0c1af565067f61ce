using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Metrics;

/// <summary>
/// The demo community after the Closed check-in: some of its participants come back within the week and some within
/// the month (they visit the anniversary lottery's page), and so do a few members who were around during the check-in
/// without taking part, so the effect figures (V1.3) compare two real groups.
/// </summary>
public static class DemoEffect
{
    public static async Task SeedAsync(HuodongDb db, Guid closedId, Guid laterId, IReadOnlyList<AppUser> members, CancellationToken ct)
    {
        var closed = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == closedId, ct);
        var (start, end) = (closed.StartsAt!.Value, closed.EndsAt!.Value);
        var participants = await ActivityParticipants.Of(db, closedId).OrderBy(m => m).ToListAsync(ct);
        var took = participants.ToHashSet();
        var bystanders = members.Select(m => m.Id).Where(m => !took.Contains(m)).Take(12).ToList();

        var events = new List<ActivityEvent>();
        // During the check-in, the bystanders only look at its page.
        for (var i = 0; i < bystanders.Count; i++)
            events.Add(new ActivityEvent(closedId, bystanders[i], ActivityEventKind.PageView, start.AddHours(6 + 9 * i)));
        // After it: 60% of the participants back within a week, 85% within the month; a third of the bystanders.
        for (var i = 0; i < participants.Count; i++)
            if (i % 20 < 17)
                events.Add(new ActivityEvent(laterId, participants[i], ActivityEventKind.PageView, end.AddDays(i % 20 < 12 ? 1 + i % 6 : 9 + i % 18)));
        for (var i = 0; i < bystanders.Count; i += 3)
            events.Add(new ActivityEvent(laterId, bystanders[i], ActivityEventKind.PageView, end.AddDays(i < 6 ? 3 : 20)));
        db.ActivityEvents.AddRange(events);
        await db.SaveChangesAsync(ct);
    }
}
