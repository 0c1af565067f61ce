namespace Huodong.Web.Rewards;

public static class ResultsSetup
{
    public static void AddResults(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<CreateDraw>();
        s.AddScoped<RevealDraw>();
        s.AddScoped<DrawQueries>();
        s.AddScoped<Winners>();
        s.AddScoped<ScoreSubmission>();
        s.AddScoped<PublishResults>();
        s.AddScoped<DeliverAward>();
        s.AddScoped<AwardChanges>();
        s.AddScoped<ImportCoupons>();
        s.AddScoped<CloseActivity>();
        s.AddScoped<AwardRedraw>();
        s.AddScoped<AwardQueries>();
        s.AddScoped<OverdueAwards>();
        s.AddHostedService<OverdueAwardsService>();
    }
}
