using Huodong.Web.Security;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Builders;

/// <summary>
/// Plans whose schedule is placed around the real clock (integration tests run on real time), and the steps no API
/// offers yet — launching and ending an activity — driven through the domain's own <see cref="Activity.Launch"/> and
/// <see cref="Activity.End"/> inside <see cref="ActivityStore.InTransactionAsync{T}"/>, never through raw SQL.
/// </summary>
public static class ParticipationPlans
{
    /// <summary>
    /// Registration open now (opened yesterday, closes in two days) and the start already past, so the activity can
    /// be launched at once after approval; it ends in three days.
    /// </summary>
    public static Plan OpenNow(int? capacity = 500, bool waitlist = true)
    {
        var now = DateTimeOffset.UtcNow;
        var plan = Plans.Complete();
        return plan with
        {
            Participation = new ParticipationPlan { Method = ParticipationMethod.Registration, Capacity = capacity, Waitlist = waitlist },
            Eligibility = new EligibilityRule { MinLevel = 0 },
            Schedule = new Schedule
            {
                RegistrationOpensAt = now.AddDays(-1),
                RegistrationClosesAt = now.AddDays(2),
                StartsAt = now.AddHours(-1),
                EndsAt = now.AddDays(3),
            },
        };
    }

    /// <summary>Reply mode (M2.1 "replying with specified content"): the reply must contain the keyword and be long enough.</summary>
    public static Plan Reply(string keyword, int minLength) => OpenNow(capacity: null) with
    {
        Participation = new ParticipationPlan { Method = ParticipationMethod.Reply, ReplyRule = new ReplyRule(keyword, minLength) },
    };

    /// <summary>Task mode: one task staff confirm from evidence, and one the platform detects when the member comments.</summary>
    public static Plan Tasks() => OpenNow(capacity: null) with
    {
        Participation = new ParticipationPlan
        {
            Method = ParticipationMethod.Tasks,
            Tasks = [new PlanTask("share-poster", "分享活动海报"), new PlanTask("say-hello", "在讨论区打个招呼", TaskDetection.Comment)],
        },
    };

    public static Plan WithEligibility(this Plan plan, int minLevel, params string[] requiredTasks) =>
        plan with { Eligibility = new EligibilityRule { MinLevel = minLevel, RequiredTasks = [.. requiredTasks] } };

    public static Plan WithRegistrationWindow(this Plan plan, DateTimeOffset opens, DateTimeOffset closes) =>
        plan with
        {
            Schedule = new Schedule
            {
                RegistrationOpensAt = opens,
                RegistrationClosesAt = closes,
                StartsAt = closes.AddHours(1),
                EndsAt = closes.AddDays(2),
            },
        };

    /// <summary>Approved → Live through <see cref="Activity.Launch"/>, acted by the planner (on every test plan's team).</summary>
    public static Task LaunchAsync(this TestApp app, Guid activityId) =>
        app.ChangeActivityAsync(activityId, (a, actor) => a.Launch(actor, DateTimeOffset.UtcNow));

    /// <summary>
    /// Live → Ended through <see cref="Activity.End"/>. The domain takes the moment as an argument; the planned end is
    /// the earliest moment it accepts, so that is the moment given (the test cannot wait days for the real one).
    /// </summary>
    public static Task EndAsync(this TestApp app, Guid activityId) =>
        app.ChangeActivityAsync(activityId, (a, actor) => a.End(actor, a.EndsAt!.Value));

    private static async Task ChangeActivityAsync(this TestApp app, Guid activityId, Func<Activity, Guid, Result> change)
    {
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ActivityStore>();
        var planner = await app.UserIdAsync("planner");
        var result = await store.InTransactionAsync<Activity>(async () =>
        {
            var activity = await store.FindAsync(activityId, TestContext.Current.CancellationToken);
            if (activity is null) return Error.NotFound("Activity");
            var changed = change(activity, planner);
            return changed.IsOk ? activity : changed.Error!;
        }, TestContext.Current.CancellationToken);
        if (!result.IsOk) throw new InvalidOperationException($"Activity {activityId} could not change: {result.Error!.Code}");
    }

    /// <summary>The account id of "member7", "planner" or a full email.</summary>
    public static Task<Guid> UserIdAsync(this TestApp app, string account)
    {
        var email = account.Contains('@') ? account : $"{account}@{DemoSeed.Domain}";
        return app.WithDb(db =>
        {
            var key = db.AccountKey(email); // NormalizedEmail holds the email's lookup key (a keyed hash)
            return db.Users.Where(u => u.NormalizedEmail == key).Select(u => u.Id).SingleAsync();
        });
    }

    /// <summary>Records a task as completed the way the platform does (M1.2): a <see cref="CompletedTask"/> row.</summary>
    public static Task CompleteTaskAsync(this TestApp app, Guid memberId, Guid activityId, string taskKey) =>
        app.WithDb(async db =>
        {
            db.CompletedTasks.Add(new CompletedTask(memberId, activityId, taskKey, "detected", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });
}
