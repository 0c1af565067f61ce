using Huodong.Web.Data;
using Huodong.Web.Participation;

namespace Huodong.Web.LiveOps;

/// <summary>
/// Counts server errors per activity for the live monitor (E2.2 "technical faults", S1.2): a request whose route
/// names an activity (<c>{id}</c> under /activities, /api/activities or /console/activities) and that fails with a
/// 5xx or an exception leaves an <see cref="ActivityEventKind.Error"/> event, written in a scope of its own (the
/// request's own unit of work may be what failed). Nothing about the request itself is stored: no path, no body.
/// </summary>
public sealed class ActivityErrorCounter(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider time,
    ILogger<ActivityErrorCounter> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception) when (ActivityOf(http) is { } id)
        {
            await RecordAsync(id);
            throw;
        }
        if (http.Response.StatusCode >= 500 && ActivityOf(http) is { } failed) await RecordAsync(failed);
    }

    private static Guid? ActivityOf(HttpContext http)
    {
        var path = http.Request.Path;
        if (!path.StartsWithSegments("/activities") && !path.StartsWithSegments("/api/activities")
            && !path.StartsWithSegments("/console/activities")) return null;
        return http.GetRouteValue("id") is string s && Guid.TryParse(s, out var id) ? id : null;
    }

    private async Task RecordAsync(Guid activityId)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HuodongDb>();
            if (await db.Activities.FindAsync(activityId) is null) return;
            db.ActivityEvents.Add(new ActivityEvent(activityId, null, ActivityEventKind.Error, time.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Could not count a server error for activity {Id}.", activityId);
        }
    }
}
