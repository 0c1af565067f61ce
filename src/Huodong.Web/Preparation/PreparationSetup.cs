namespace Huodong.Web.Preparation;

public static class PreparationSetup
{
    /// <summary>
    /// The preparation use cases, the readiness gate and its probes (other features add probes with
    /// <c>AddScoped&lt;IReadinessProbe, …&gt;()</c>), the promotion status the gate asks and the roster the live
    /// monitor asks.
    /// </summary>
    public static void AddPreparation(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<Staffing>();
        s.AddScoped<Materials>();
        s.AddScoped<ReadinessChecks>();
        s.AddScoped<Readiness>();
        s.AddScoped<LaunchActivity>();
        s.AddScoped<IPromotionStatus, Promotion.PromotionSentStatus>();
        s.AddScoped<LiveOps.IWatchRoster, DutyWatchRoster>();
        s.AddScoped<IReadinessProbe, DatabaseProbe>();
        s.AddScoped<IReadinessProbe, RegistrationSandboxProbe>();
        s.AddScoped<IReadinessProbe, EmailConfigurationProbe>();
    }
}
