using Huodong.Web.Data;
using Huodong.Web.Planning;
using Quartz;

namespace Huodong.Web.Scheduling;

public static class SchedulingSetup
{
    /// <summary>
    /// Quartz with its persistent store in the app's own database (DESIGN.md: the database is the only shared state).
    /// On PostgreSQL every instance joins one cluster, so each trigger fires on exactly one node; SQLite is one
    /// embedded instance, which Quartz refuses to cluster. Quartz creates its QRTZ_ tables when they are missing and
    /// reads the time from the container's TimeProvider, so tests drive it with a fake clock.
    /// </summary>
    public static void AddScheduling(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        var section = builder.Configuration.GetSection("Scheduler");
        s.Configure<SchedulingOptions>(section);
        var options = section.Get<SchedulingOptions>() ?? new SchedulingOptions();
        s.AddScoped<ScheduledSteps>();
        if (!options.Enabled)
        {
            s.AddScoped<IActivityTimetable, NoTimetable>();
            return;
        }
        s.AddScoped<IActivityTimetable, QuartzTimetable>();
        var provider = DataSetup.ProviderOf(builder.Configuration);
        var connection = DataSetup.ConnectionOf(builder);
        s.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                if (provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(connection);
                    store.UseClustering(c => c.CheckinInterval = options.ClusterCheckin);
                }
                else
                {
                    store.UseSqlite(connection);
                }
                store.ProvisionSchema();
            });
            q.AddJob<LaunchJob>(j => j.WithIdentity(QuartzTimetable.LaunchJob).StoreDurably());
            q.AddJob<EndJob>(j => j.WithIdentity(QuartzTimetable.EndJob).StoreDurably());
            q.AddJob<ReminderJob>(j => j.WithIdentity(QuartzTimetable.ReminderJob).StoreDurably());
            q.AddJob<ReconcileJob>(j => j.WithIdentity(ReconcileJob.Key).StoreDurably());
            q.AddTrigger(t => t.WithIdentity("reconcile", "scheduler").ForJob(ReconcileJob.Key).StartNow()
                .WithSimpleSchedule(x => x.WithInterval(options.Reconcile).RepeatForever()));
            Security.Monitoring.MonitoringSetup.AddMonitoringJobs(q, builder.Configuration);
        });
        s.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
