namespace Huodong.Web.Evaluation.Summary;

public static class SummarySetup
{
    public static void AddSummary(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WriteSummary>();
        builder.Services.AddScoped<SummaryQueries>();
    }
}
