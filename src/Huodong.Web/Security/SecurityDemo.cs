using Huodong.Web.Data;
using Huodong.Web.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Security;

/// <summary>
/// The demo's reveal (issue 9 item 3): the planner once looked up a registrant's phone with a reason, so the reveals
/// page on the console (<c>/console/security/reveals</c>) has an entry to show.
/// </summary>
public static class SecurityDemo
{
    public static async Task SeedAsync(IServiceProvider services, AppUser planner, CancellationToken ct)
    {
        var db = services.GetRequiredService<HuodongDb>();
        var teams = db.TeamMembers.Where(t => t.UserId == planner.Id).Select(t => t.ActivityId);
        var registration = await db.Registrations.AsNoTracking().Where(r => teams.Contains(r.ActivityId))
            .OrderBy(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (registration is null) return;
        var actor = new Actor(planner.Id, new HashSet<string> { Roles.Planner });
        await services.GetRequiredService<PersonalDataReveal>().RevealAsync(actor,
            new RevealInput("registration", registration.ToString(), "phone", "电话联系确认活动当天的到场安排"), ct);
    }
}
