using Huodong.Web.Preparation;
using Huodong.Web.Preparation.Promotion;

namespace Huodong.Web.People;

/// <summary>
/// Demo preparation (E1): the live activity fully staffed and stocked with a passed readiness check and its
/// promotion announced; the upcoming approved one half-way, so its readiness page shows what still blocks the launch
/// (and, left as it is, the scheduler would hold it back at its start and alert the team).
/// </summary>
public static class DemoPreparation
{
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, AppUser> staff, Guid live,
        Guid upcoming, CancellationToken ct)
    {
        var staffing = services.GetRequiredService<Staffing>();
        var materials = services.GetRequiredService<Materials>();
        var checks = services.GetRequiredService<ReadinessChecks>();
        var promote = services.GetRequiredService<CreatePromotion>();
        var planner = new Actor(staff["planner"].Id, new HashSet<string> { Roles.Planner });
        var moderator = staff["moderator"].Email!;
        var plannerEmail = staff["planner"].Email!;

        // Live: everyone in place, prizes in hand, checked, announced.
        var duties = Ensure(await staffing.AddDefaultsAsync(planner, live, ct));
        foreach (var d in duties)
            Ensure(await staffing.UpdateAsync(planner, d.Id, new DutyInput(d.Kind, d.Title, d.From, d.To,
                d.Kind == DutyKind.ModeratorOnWatch ? moderator : plannerEmail), ct));
        Ensure(await staffing.AddAsync(planner, live, new DutyInput(DutyKind.QnA, "评论区答疑", duties[0].From, duties[0].To, moderator), ct));
        Ensure(await materials.AddAsync(planner, live, new MaterialInput("一等奖：蓝牙耳机", MaterialKind.Prize, 3, 3, plannerEmail, MaterialStatus.Ready, "已入库"), ct));
        Ensure(await materials.AddAsync(planner, live, new MaterialInput("直播推流设备", MaterialKind.Equipment, 1, 1, plannerEmail, MaterialStatus.Ready, null), ct));
        var check = Ensure(await checks.RunAsync(planner, live, ct));
        foreach (var item in check.Items) Ensure(await checks.TickAsync(planner, live, check.Id, item.Key, true, ct));
        Ensure(await promote.ExecuteAsync(planner, live, new PromotionInput(["Announcement"], null, null), ct));

        // Upcoming: a host but nobody on watch yet, the prizes still on order, no check, no promotion.
        var upcomingDuties = Ensure(await staffing.AddDefaultsAsync(planner, upcoming, ct));
        var host = upcomingDuties.First(d => d.Kind == DutyKind.Host);
        Ensure(await staffing.UpdateAsync(planner, host.Id, new DutyInput(host.Kind, host.Title, host.From, host.To, plannerEmail), ct));
        Ensure(await materials.AddAsync(planner, upcoming, new MaterialInput("新品体验装", MaterialKind.Prize, 20, 8, plannerEmail, MaterialStatus.Ordered, "供应商周五到货"), ct));
    }

    private static T Ensure<T>(Shared.Result<T> result) =>
        result.IsOk ? result.Value! : throw new InvalidOperationException($"Demo preparation step failed: {result.Error!.Code}");
}
