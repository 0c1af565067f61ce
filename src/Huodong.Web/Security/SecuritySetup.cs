namespace Huodong.Web.Security;

public static class SecuritySetup
{
    /// <summary>
    /// The key ring comes from configuration (<c>Security:Keys</c>); only in Development, when none is configured,
    /// a key file is created under App_Data so that <c>dotnet run</c> works on a fresh clone.
    /// </summary>
    public static void AddSecurity(this WebApplicationBuilder builder)
    {
        var devKeyFile = builder.Environment.IsDevelopment()
            ? builder.Configuration["Security:KeyFile"] ?? Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys.json")
            : builder.Configuration["Security:KeyFile"];
        var ring = KeyRing.FromConfiguration(builder.Configuration, devKeyFile);
        builder.Services.AddSingleton(ring);
        builder.Services.AddSingleton<FieldProtector>();
        builder.Services.AddScoped<Compliance>();
        builder.Services.AddScoped<Reencryption>();
        builder.Services.AddSingleton<ReencryptionSignal>();
        if (builder.Configuration.GetValue("Security:Reencryption:Background", true))
            builder.Services.AddHostedService<ReencryptionWorker>();
        builder.Services.AddScoped<PersonalDataReveal>();
        builder.AddAccountProtection();
    }
}
