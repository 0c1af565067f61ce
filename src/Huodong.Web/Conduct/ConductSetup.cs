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
        s.AddScoped<ModerationQueries>();
        s.AddScoped<LiveOps.IModerationQueue, ModerationQueue>();
    }
}
