using Huodong.Tests.Api;
using Huodong.Tests.Scheduling;
using Huodong.Web.Security.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Huodong.Tests.Security;

/// <summary>With the scheduler on, the audit-chain verification and the retention run are stored daily cron triggers.</summary>
public abstract class MonitoringScheduleTests(TestApp app) : ApiTests(app)
{
    [Fact]
    public async Task The_audit_verification_and_the_retention_run_are_scheduled_daily()
    {
        var scheduler = await App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);

        var verify = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("audit-verify", "security"), Ct));
        var retention = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("retention", "security"), Ct));

        Assert.Equal((new AlertOptions().AuditVerifyCron, AuditVerifyJob.Key), (verify.CronExpressionString, verify.JobKey));
        Assert.Equal((new RetentionOptions().Cron, RetentionJob.Key), (retention.CronExpressionString, retention.JobKey));
    }
}

public sealed class MonitoringScheduleTests_Sqlite(SchedulerSqliteApp app) : MonitoringScheduleTests(app), IClassFixture<SchedulerSqliteApp>;
public sealed class MonitoringScheduleTests_Postgres(SchedulerPostgresApp app) : MonitoringScheduleTests(app), IClassFixture<SchedulerPostgresApp>;
