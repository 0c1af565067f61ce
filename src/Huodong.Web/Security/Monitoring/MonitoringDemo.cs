using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;

namespace Huodong.Web.Security.Monitoring;

/// <summary>
/// The demo's security alerts (S1.2), so <c>/console/security/alerts</c> has something to show: an open burst of
/// failed sign-ins on one account, an open registration burst from one network, and an acknowledged one; and one
/// verification of the audit chain as the daily job records it.
/// </summary>
public static class MonitoringDemo
{
    public static async Task SeedAsync(IServiceProvider services, AppUser admin, CancellationToken ct)
    {
        var db = services.GetRequiredService<HuodongDb>();
        var protector = services.GetRequiredService<FieldProtector>();
        var now = services.GetRequiredService<TimeProvider>().UtcNow();
        string Key(string what) => protector.BlindIndex(what, "security.demo");

        db.Add(new SecurityAlert(AlertKind.FailedSignInsAccount, AlertSeverity.High, Key("account"), "l***i@example.com", 9, 15,
            now.AddHours(-3).AddMinutes(-12), now.AddHours(-3)));
        var network = Key("network-1");
        db.Add(new SecurityAlert(AlertKind.RegistrationBurst, AlertSeverity.Warning, network, SignInWatch.NetworkLabel(network), 6, 1,
            now.AddHours(-1).AddMinutes(-1), now.AddHours(-1)));
        var handled = new SecurityAlert(AlertKind.FailedSignInsNetwork, AlertSeverity.High, Key("network-2"),
            SignInWatch.NetworkLabel(Key("network-2")), 24, 15, now.AddDays(-2).AddMinutes(-14), now.AddDays(-2));
        db.Add(handled);
        await db.SaveChangesAsync(ct);
        var adminActor = new Actor(admin.Id, new HashSet<string> { Roles.Admin });
        await services.GetRequiredService<AcknowledgeAlert>().ExecuteAsync(adminActor, handled.Id,
            new AcknowledgeInput("来自同一机房的撞库尝试，已在防火墙封禁该网段，相关账号均未登录成功。"), ct);
        await services.GetRequiredService<AuditChainWatch>().RunAsync(ct);
    }
}
