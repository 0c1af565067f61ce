namespace Huodong.Web.LiveOps;

public static class LiveOpsSetup
{
    public static void AddLiveOps(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<PauseActivity>();
        s.AddScoped<HandleIncident>();
        s.AddScoped<IncidentQueries>();
        s.AddScoped<LiveMonitor>();
    }
}
