using Huodong.Tests.Api;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Scheduling;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Huodong.Tests.Scheduling;

/// <summary>
/// DESIGN.md scale-out: two app instances on one PostgreSQL database, both running the scheduler in one Quartz
/// cluster on the same (fake) clock. Each step happens once: one reminder and one launch notice per registrant, one
/// launch, one run row.
/// </summary>
public sealed class SchedulerClusterTests(SchedulerPostgresApp app) : SchedulerTestBase(app), IClassFixture<SchedulerPostgresApp>
{
    [Fact]
    public async Task With_two_instances_each_step_happens_exactly_once()
    {
        await using var second = App.WithWebHostBuilder(_ => { });
        using var _ = second.CreateClient(); // starts the second instance and its scheduler
        var nodes = new[]
        {
            (await App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct)).SchedulerInstanceId,
            (await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct)).SchedulerInstanceId,
        };
        Assert.NotEqual(nodes[0], nodes[1]);

        var t0 = Rig.Clock.GetUtcNow();
        var id = await OpenActivity(StartingSoon(t0));
        string[] members = ["member31", "member32", "member33"];
        foreach (var m in members) await Registered(m, id);
        await MakeReadyAsync(id);
        await Eventually(() => App.WithDb(async db =>
            await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM qrtz_scheduler_state").SingleAsync(Ct) == 2),
            "both instances to check in to the cluster");

        Rig.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await Eventually(async () => (await Notifications("member33", id)).Any(n => n.Kind == NotificationKind.StartsSoon), "the reminders");
        Rig.Clock.Advance(TimeSpan.FromMinutes(20));
        await Eventually(async () => (await Load(id)).Status == ActivityStatus.Live, "the launch");
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // room for a second firing, if there were one

        foreach (var m in members)
        {
            var mine = await Notifications(m, id);
            Assert.Single(mine, n => n.Kind == NotificationKind.StartsSoon);
            Assert.Single(mine, n => n.Kind == NotificationKind.ActivityLaunched);
        }
        Assert.Single((await Load(id)).Transitions, t => t.Action == "activity.launched");
        var runs = await App.WithDb(db => db.Set<ScheduledRun>().AsNoTracking().Where(r => r.ActivityId == id).ToListAsync(Ct));
        Assert.Single(runs, r => r.Kind == ScheduledStep.Launch);
        Assert.Single(runs, r => r.Kind == ScheduledStep.Reminder);
        Assert.All(runs, r => Assert.Contains(r.RanBy, nodes));
    }
}
