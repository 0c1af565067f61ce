namespace Huodong.Web.Conduct;

public static class ConductSetup
{
    public static void AddConduct(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<ConductOptions>(builder.Configuration.GetSection("Conduct"));
        s.AddSingleton<LexiconCache>();
        s.AddScoped<ContentScreen>();
        s.AddScoped<Lexicon>();
        s.AddScoped<ReportContent>();
        s.AddScoped<DecideCase>();
        s.AddScoped<AppealCase>();
        s.AddScoped<CheatScan>();
        s.AddHttpContextAccessor();
        s.AddSingleton<Cheating.ClientFingerprint>();
        s.AddScoped<Cheating.RegistrationWatch>();
        s.AddScoped<Cheating.PlagiarismCheck>();
        s.AddScoped<Cheating.PlagiarismScan>();
        s.AddScoped<Cheating.ContactCheck>();
        // A cookie sign-in is traced (device and network hashes only), so a device several accounts use is known.
        s.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, o =>
            {
                var inner = o.Events.OnSignedIn;
                o.Events.OnSignedIn = async ctx =>
                {
                    await inner(ctx);
                    if (Guid.TryParse(ctx.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id)
                        && ctx.Principal!.IsInRole(People.Roles.Member))
                        await ctx.HttpContext.RequestServices.GetRequiredService<Cheating.RegistrationWatch>()
                            .RecordSignInAsync(id, ctx.HttpContext.RequestAborted);
                };
            });
        s.AddScoped<ModerationQueries>();
        s.AddScoped<LiveOps.IModerationQueue, ModerationQueue>();
    }
}
