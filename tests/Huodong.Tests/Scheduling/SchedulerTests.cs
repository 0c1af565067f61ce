using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Preparation;
using Huodong.Web.Scheduling;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Huodong.Tests.Scheduling;

/// <summary>
/// The scheduler on: Quartz with its store in the test database, reading a fake clock the test moves on; a real SMTP
/// server for the notification emails. Reminders come 20 minutes before the start; a held launch is retried each minute.
/// </summary>
public sealed class SchedulerRig : IDisposable
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public SmtpTestServer Smtp { get; } = new();

    public void Configure(IWebHostBuilder b)
    {
        b.UseSetting("Scheduler:Enabled", "true");
        b.UseSetting("Scheduler:Reminders:0", "00:20:00");
        b.UseSetting("Scheduler:HoldRetry", "00:01:00");
        b.UseSetting("Scheduler:ClusterCheckin", "00:00:05");
        b.UseSetting("Email:Smtp:Host", "127.0.0.1");
        b.UseSetting("Email:Smtp:Port", Smtp.Port.ToString());
        b.UseSetting("Email:Smtp:From", "huodong@test.huodong");
        b.UseSetting("Promotion:Outbox:PollSeconds", "0.1");
        b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public void Dispose() => Smtp.Dispose();
}

public interface ISchedulerApp
{
    SchedulerRig Rig { get; }
}

public sealed class SchedulerSqliteApp : SqliteApp, ISchedulerApp
{
    public SchedulerRig Rig { get; } = new();
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); Rig.Configure(builder); }
    public override async ValueTask DisposeAsync() { await base.DisposeAsync(); Rig.Dispose(); }
}

public sealed class SchedulerPostgresApp : PostgresApp, ISchedulerApp
{
    public SchedulerRig Rig { get; } = new();
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); Rig.Configure(builder); }
    public override async ValueTask DisposeAsync() { await base.DisposeAsync(); Rig.Dispose(); }
}

/// <summary>What the scheduler tests share: plans starting soon on the fake clock, triggers, making the gate hold.</summary>
public abstract class SchedulerTestBase(TestApp app) : PreparationApiTests(app)
{
    protected SchedulerRig Rig => ((ISchedulerApp)App).Rig;

    /// <summary>Registration open now; the start in 30 minutes and the end 20 minutes later, on the fake clock.</summary>
    protected static Plan StartingSoon(DateTimeOffset now) => ParticipationPlans.OpenNow() with
    {
        Schedule = new Schedule
        {
            RegistrationOpensAt = now.AddDays(-1), RegistrationClosesAt = now.AddMinutes(25),
            StartsAt = now.AddMinutes(30), EndsAt = now.AddMinutes(50),
        },
    };

    protected Task<Dictionary<string, DateTimeOffset>> Triggers(Guid id) => TriggersOf(App, id);

    internal static async Task<Dictionary<string, DateTimeOffset>> TriggersOf(TestApp app, Guid id)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        var found = new Dictionary<string, DateTimeOffset>();
        foreach (var key in new[] { QuartzTimetable.LaunchKey(id), QuartzTimetable.EndKey(id), QuartzTimetable.ReminderKey(id, TimeSpan.FromMinutes(20)) })
            if (await scheduler.GetTrigger(key, Ct) is { } t) found[key.Name] = t.StartTimeUtc;
        return found;
    }

    protected Task<Activity> Load(Guid id) =>
        App.WithDb(db => db.Activities.AsNoTracking().Include(a => a.Transitions).SingleAsync(a => a.Id == id, Ct));

    protected static MimeKit.MimeMessage Mail(string raw) =>
        MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));

    internal static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return;
            await Task.Delay(100, Ct);
        }
        Assert.Fail($"Timed out waiting for {what}.");
    }

    /// <summary>Makes the readiness gate hold through the API: staffed duties, ready materials, a passed check, a promotion.</summary>
    internal async Task MakeReadyAsync(Guid id)
    {
        var planner = await Planner;
        await PrepareAllButPromotionAsync(id, planner);
        await (await planner.PostJson($"/api/activities/{id}/promotions", new { channels = new[] { "Announcement" } })).ShouldBe(HttpStatusCode.Created);
        Assert.True((await Gate(id, planner)).Ready);
    }
}

/// <summary>E2.1 end to end: reminders, a launch held back by the readiness gate and then made, the end on time.</summary>
public abstract class SchedulerTests(TestApp app) : SchedulerTestBase(app)
{

    [Fact]
    public async Task Reminds_then_holds_back_an_unready_launch_then_launches_when_ready_and_ends_on_time()
    {
        SmtpTestServer.SkipUnlessAvailable();
        await Rig.Smtp.StartAsync();
        var t0 = Rig.Clock.GetUtcNow();
        var (start, end) = (t0.AddMinutes(30), t0.AddMinutes(50));
        var id = await OpenActivity(StartingSoon(t0));
        await Registered("member21", id);

        // Approval scheduled the launch, the end and the reminder, at the plan's times.
        var triggers = await Triggers(id);
        Assert.Equal(start, triggers["launch"]);
        Assert.Equal(end, triggers["end"]);
        Assert.Equal(start.AddMinutes(-20), triggers["reminder-20"]);

        // 20 minutes before the start: the registrant is reminded, in the inbox and by email (opted in by default).
        Rig.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await Eventually(async () => (await Notifications("member21", id)).Any(n => n.Kind == NotificationKind.StartsSoon), "the reminder");
        await Eventually(() => Task.FromResult(Rig.Smtp.Messages().Any(m => m.Contains($"To: member21@{TestApp.Domain}"))), "the reminder email");
        Assert.Equal(ActivityStatus.Approved, (await Load(id)).Status);

        // At the start the gate is unmet: held back, audited, the team alerted once.
        Rig.Clock.Advance(TimeSpan.FromMinutes(20));
        await Eventually(async () => (await Notifications("planner", id)).Any(n => n.Kind == NotificationKind.LaunchHeld), "the team's alert");
        var held = await Load(id);
        Assert.Equal(ActivityStatus.Approved, held.Status);
        Assert.NotNull(held.LaunchHeldAt);
        Assert.Contains("Staffing", held.LaunchHeldFor);
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(e => e.Code == "activity.launch.held" && e.SubjectId == id.ToString(), Ct)));

        // Once the team makes it ready, the next retry launches it (late, by the scheduler) and tells the registrant.
        await MakeReadyAsync(id);
        Rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually(async () => (await Load(id)).Status == ActivityStatus.Live, "the launch");
        var live = await Load(id);
        Assert.Equal(SchedulerAccount.Id, Assert.Single(live.Transitions, t => t.Action == "activity.launched").ActorId);
        Assert.Equal(1, await App.WithDb(db => db.Set<ScheduledRun>().CountAsync(r => r.ActivityId == id && r.Kind == ScheduledStep.Launch, Ct)));
        Assert.Single(await Notifications("member21", id), n => n.Kind == NotificationKind.ActivityLaunched);
        // E2.1: the launch email carries the rules, process and cautions themselves, in both languages.
        await Eventually(() => Task.FromResult(Rig.Smtp.Messages().Select(Mail).Any(m =>
            m.To.ToString().Contains($"member21@{TestApp.Domain}") && m.TextBody.Contains("活动规则、流程与注意事项")
            && m.TextBody.Contains("Rules, process and cautions") && m.TextBody.Contains("One account per person"))), "the launch email");
        Assert.Single(await Notifications("planner", id), n => n.Kind == NotificationKind.LaunchHeld);

        // At the end time it ends by itself, and nothing is left scheduled for it.
        Rig.Clock.Advance(end - Rig.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        await Eventually(async () => (await Load(id)).Status == ActivityStatus.Ended, "the end");
        Assert.Single(await Notifications("member21", id), n => n.Kind == NotificationKind.ActivityEnded);
        await Eventually(async () => (await Triggers(id)).Count == 0, "the triggers to be gone");
    }

    [Fact]
    public async Task Cancelling_an_approved_activity_removes_its_triggers()
    {
        var id = await OpenActivity(StartingSoon(Rig.Clock.GetUtcNow()));
        Assert.Equal(3, (await Triggers(id)).Count);

        await (await (await Planner).PostJson($"/api/activities/{id}/cancel", new { reason = "嘉宾无法出席" })).ShouldBe(HttpStatusCode.OK);

        Assert.Empty(await Triggers(id));
    }
}

public sealed class SchedulerTests_Sqlite(SchedulerSqliteApp app) : SchedulerTests(app), IClassFixture<SchedulerSqliteApp>;
public sealed class SchedulerTests_Postgres(SchedulerPostgresApp app) : SchedulerTests(app), IClassFixture<SchedulerPostgresApp>;
