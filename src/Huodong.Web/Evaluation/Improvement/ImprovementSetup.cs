namespace Huodong.Web.Evaluation.Improvement;

public static class ImprovementSetup
{
    public static void AddImprovements(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<AddImprovement>();
        s.AddScoped<ChangeImprovement>();
        s.AddScoped<ApplyImprovement>();
        s.AddScoped<ImprovementQueries>();
    }
}
