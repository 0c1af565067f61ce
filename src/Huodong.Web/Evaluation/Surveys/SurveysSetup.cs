using Huodong.Web.Evaluation.Feedback;

namespace Huodong.Web.Evaluation.Surveys;

public static class SurveysSetup
{
    public static void AddSurveys(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<BuildSurvey>();
        s.AddScoped<AnswerSurvey>();
        s.AddScoped<SurveyQueries>();
        s.AddScoped<SurveyExport>();
        s.AddScoped<SatisfactionSurveyOnEnd>();
        s.AddScoped<ISatisfactionSource, SatisfactionSource>();
        s.AddScoped<FeedbackInbox>();
        s.AddScoped<IFeedbackSource, FeedbackSource>();
    }
}
