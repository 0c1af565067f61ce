namespace Huodong.Web.Preparation;

public static class PreparationSetup
{
    /// <summary>
    /// The preparation use cases, the readiness gate and its probes. Other features add probes with
    /// <c>AddScoped&lt;IReadinessProbe, …&gt;()</c> and replace <see cref="IPromotionStatus"/> (see its remarks).
    /// </summary>
    public static void AddPreparation(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<Staffing>();
        s.AddScoped<Materials>();
        s.AddScoped<ReadinessChecks>();
        s.AddScoped<Readiness>();
        s.AddScoped<LaunchActivity>();
        s.AddScoped<IPromotionStatus, NoPromotionYet>();
        s.AddScoped<IReadinessProbe, DatabaseProbe>();
        s.AddScoped<IReadinessProbe, RegistrationSandboxProbe>();
        s.AddScoped<IReadinessProbe, EmailConfigurationProbe>();
    }
}
