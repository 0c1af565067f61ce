using Huodong.Web.People;
using Microsoft.AspNetCore.Identity;
using Quartz;

namespace Huodong.Web.Security.Monitoring;

public static class MonitoringSetup
{
    /// <summary>
    /// Security alerts and retention (S1.2, PIPL). Identity's sign-in manager is replaced by the monitored one (the
    /// last registration wins, so this runs after <c>AddPeople</c>).
    /// </summary>
    public static void AddMonitoring(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<AlertOptions>(builder.Configuration.GetSection("Security:Alerts"));
        s.Configure<RetentionOptions>(builder.Configuration.GetSection("Security:Retention"));
        s.AddHttpContextAccessor();
        s.AddScoped<SecurityAlerts>();
        s.AddScoped<SignInWatch>();
        s.AddScoped<SignInManager<AppUser>, MonitoredSignInManager>();
        s.AddScoped<PersonalDataWatch>();
        s.AddScoped<RegistrationBurstAlert>();
        s.AddScoped<AuditChainWatch>();
        s.AddScoped<RegistrationRetention>();
        s.AddScoped<AlertQueries>();
        s.AddScoped<AcknowledgeAlert>();
    }

    /// <summary>The daily audit-chain verification and retention run, in the app's Quartz scheduler.</summary>
    public static void AddMonitoringJobs(this IQuartzBuilder q, IConfiguration configuration)
    {
        var alerts = configuration.GetSection("Security:Alerts").Get<AlertOptions>() ?? new AlertOptions();
        var retention = configuration.GetSection("Security:Retention").Get<RetentionOptions>() ?? new RetentionOptions();
        q.AddJob<AuditVerifyJob>(j => j.WithIdentity(AuditVerifyJob.Key).StoreDurably());
        q.AddTrigger(t => t.WithIdentity("audit-verify", "security").ForJob(AuditVerifyJob.Key)
            .WithCronSchedule(alerts.AuditVerifyCron));
        q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key).StoreDurably());
        q.AddTrigger(t => t.WithIdentity("retention", "security").ForJob(RetentionJob.Key)
            .WithCronSchedule(retention.Cron));
    }
}
