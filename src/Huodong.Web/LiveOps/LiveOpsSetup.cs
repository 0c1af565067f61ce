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
        // "Unknown" until the staffing feature registers a roster of ModeratorOnWatch duties (see IWatchRoster).
        s.AddScoped<IWatchRoster, UnknownWatchRoster>();
        // Empty until the conduct feature registers its moderation queue.
        s.AddScoped<IModerationQueue, NoModerationQueue>();
    }
}
