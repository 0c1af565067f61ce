namespace Huodong.Web.Rewards;

public static class ResultsSetup
{
    public static void AddResults(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<CreateDraw>();
        s.AddScoped<RevealDraw>();
        s.AddScoped<DrawQueries>();
    }
}
