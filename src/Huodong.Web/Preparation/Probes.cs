using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Preparation;

/// <summary>The database answers a real query: it can read this activity's row back.</summary>
public sealed class DatabaseProbe(IServiceScopeFactory scopes) : IReadinessProbe
{
    public string Name => "database";

    public async Task<ProbeResult> RunAsync(Activity activity, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HuodongDb>();
        var found = await db.Activities.AsNoTracking().CountAsync(a => a.Id == activity.Id, ct);
        return found == 1 ? ProbeResult.Ok("The database answered.") : ProbeResult.Failed("The database did not find the activity.");
    }
}

/// <summary>
/// The email channel is set up. This only looks at the configuration; the promotion feature replaces it with a
/// probe that really delivers to a test address.
/// </summary>
public sealed class EmailConfigurationProbe(IConfiguration config) : IReadinessProbe
{
    public string Name => "email";

    public Task<ProbeResult> RunAsync(Activity activity, CancellationToken ct) =>
        Task.FromResult(string.IsNullOrWhiteSpace(config["Email:Smtp:Host"])
            ? ProbeResult.Failed("The email channel is not configured (Email:Smtp:Host is empty).")
            : ProbeResult.Ok("An SMTP host is configured."));
}
