using Huodong.Web.Security;
using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.People;

/// <summary>
/// API.md "Demo seed": the demo accounts and an activity in each state that exists so far, so that a newcomer's
/// first <c>dotnet run</c> shows every feature. Runs only into an empty database (no users yet but the scheduler's own account).
/// </summary>
public sealed class DemoSeed(HuodongDb db, IPasswordHasher<AppUser> hasher, TimeProvider time, IConfiguration config,
    IServiceProvider services, ILogger<DemoSeed> log)
{
    public const string Domain = "demo.huodong";
    public const int MemberCount = 200;

    public static readonly (string Email, string Name, string Role)[] Staff =
    [
        ($"admin@{Domain}", "管理员 Admin", Roles.Admin),
        ($"planner@{Domain}", "策划 王蕾", Roles.Planner),
        ($"planner2@{Domain}", "策划 李航", Roles.Planner),
        ($"head@{Domain}", "社区负责人 陈静", Roles.CommunityHead),
        ($"leader@{Domain}", "上级领导 周明", Roles.Leader),
        ($"moderator@{Domain}", "值守 赵强", Roles.Moderator),
        ($"finance@{Domain}", "财务 孙悦", Roles.Finance),
    ];

    public async Task RunAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(u => u.Id != Scheduling.SchedulerAccount.Id, ct)) return;
        var password = config["Demo:Password"];
        if (string.IsNullOrEmpty(password))
            throw new InvalidOperationException("Demo:Seed is on but Demo:Password is not set.");

        var now = time.GetUtcNow();
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole<Guid>(r)
            { Id = Guid.CreateVersion7(), NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        db.Roles.AddRange(roles.Values);

        // One hash for every demo account: hashing 207 passwords one by one would take seconds at start.
        var hash = hasher.HashPassword(null!, password);
        AppUser Account(string email, string name, int level, string role, DateTimeOffset joined)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = db.AccountKey(email),
                Email = email, NormalizedEmail = db.AccountKey(email), EmailConfirmed = true,
                DisplayName = name, Level = level, LevelSetByStaff = level > 0, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, CreatedAt = joined,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role].Id });
            return user;
        }

        var staff = Staff.ToDictionary(s => s.Email.Split('@')[0], s => Account(s.Email, s.Name, 0, s.Role, now.AddDays(-500)));
        var members = Enumerable.Range(1, MemberCount)
            // Members joined over the past year and more (member 1 about 14 months ago, member 200 about 7), so the
            // community's history (earlier activities, their eligible members and trends) has people in it.
            .Select(n => Account($"member{n}@{Domain}", $"会员{n:000}", 1 + n % 5, Roles.Member, now.AddDays(-420 + n))).ToList();
        await db.SaveChangesAsync(ct);

        // API.md: demo staff have signed the confidentiality agreement and completed the training (S2.1, S2.3).
        db.Add(new Security.AgreementVersion(1, DemoAgreement, staff["admin"].Id, now.AddDays(-60)));
        foreach (var person in staff.Values)
        {
            db.Add(new Security.AgreementSignature(person.Id, 1, now.AddDays(-59)));
            db.Add(new Security.TrainingRecord(person.Id, "个人信息保护与数据保密培训", now.AddDays(-45), true, staff["admin"].Id, now.AddDays(-45)));
        }
        await db.SaveChangesAsync(ct);

        var history = new DemoHistory(db, services.GetRequiredService<Security.FieldProtector>(), now);
        var live = await history.SeedAsync(staff, members, ct);
        await Budget.DemoBudget.SettleAsync(services, staff, history.ClosedId, ct);
        // The business goal the check-in named, measured by the team before it closed (V1.3).
        Ensure(await services.GetRequiredService<Evaluation.Metrics.RecordGoalValue>().ExecuteAsync(
            new Actor(staff["planner"].Id, new HashSet<string> { Roles.Planner }), history.ClosedId,
            new Evaluation.Metrics.GoalValueInput("新品页访问", 612m), ct));
        await Evaluation.Improvement.DemoImprovements.SummaryAsync(services, staff, history.ClosedId, ct);
        Ensure(await services.GetRequiredService<Rewards.CloseActivity>().ExecuteAsync(
            new Actor(staff["planner"].Id, new HashSet<string> { Roles.Planner }), history.ClosedId, ct));
        var upcoming = await DemoActivities.SeedAsync(services, staff, ct);
        await Evaluation.Improvement.DemoImprovements.SeedAsync(services, staff, history.ClosedId, ct);
        await DemoPreparation.SeedAsync(services, staff, live, upcoming, ct);
        await Conduct.ConductDemo.SeedAsync(services, staff["moderator"], members, ct);
        await Security.SecurityDemo.SeedAsync(services, staff["planner"], ct);
        await Security.Monitoring.MonitoringDemo.SeedAsync(services, staff["admin"], ct);
        // After the conduct demo, which reports the earliest member comment of the live discussion.
        await Evaluation.Reports.DemoEvaluationHistory.SeedAsync(services, staff, members, history.ClosedId, ct);
        // The Ended lottery's money: a paid poster bill and a prize invoice waiting for Finance (B2).
        var ended = await db.Activities.Where(a => a.Status == Planning.ActivityStatus.Ended).Select(a => a.Id).SingleAsync(ct);
        await Budget.DemoBudget.SeedAsync(services, staff, ended, settle: false, ct);
        await Evaluation.Surveys.DemoSurveys.SeedAsync(services, staff, history.ClosedId, ended, ct);
        await Evaluation.Metrics.DemoEffect.SeedAsync(db, history.ClosedId, ended, members, ct);
        // The history was launched step by step on a clock set back; its evaluation base is frozen as a launch would.
        await Evaluation.Metrics.LaunchBaseline.BackfillAsync(db, ct);
        // The demo's past is a story told to the inbox, not news: its notifications are not emailed.
        await db.Set<Preparation.Promotion.Delivery>().Where(d => d.NotificationId != null && d.Status == Preparation.Promotion.DeliveryStatus.Pending)
            .ExecuteUpdateAsync(x => x.SetProperty(d => d.Status, Preparation.Promotion.DeliveryStatus.Skipped), ct);
        log.LogInformation("Demo data seeded: {Staff} staff, {Members} members", Staff.Length, MemberCount);
    }

    private const string DemoAgreement = """
        # 员工保密协议（第 1 版）

        1. 因工作接触的会员个人信息（姓名、手机号、邮箱、收货地址等）仅用于所负责活动的组织与奖励发放，不得用于其他目的。
        2. 不得复制、导出、截屏或向任何第三方提供会员个人信息；确需导出的，须在系统内注明理由并留痕。
        3. 活动方案中的资源、风险与内部说明属于公司内部信息，未经批准不得外传。
        4. 离职或调岗后上述义务继续有效。违反本协议的，公司将依法依规追究责任。
        """;

    private static void Ensure<T>(Shared.Result<T> result)
    {
        if (!result.IsOk) throw new InvalidOperationException($"Demo seed step failed: {result.Error!.Code}");
    }
}
