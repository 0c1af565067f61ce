using Huodong.Web.Evaluation.Metrics;

namespace Huodong.Web.Evaluation;

public static class EvaluationSetup
{
    public static void AddEvaluation(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<IActivityMetrics, MetricsCalculator>();
        s.AddScoped<EffectCalculator>();
        s.AddHostedService<EffectPrecompute>();
        s.AddScoped<RecordGoalValue>();
    }
}
