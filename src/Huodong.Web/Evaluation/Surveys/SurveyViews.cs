namespace Huodong.Web.Evaluation.Surveys;

public sealed record QuestionView(int Index, QuestionType Type, string Text, bool Required, IReadOnlyList<string> Options, bool Personal);

public sealed record SurveyView(Guid Id, string Title, SurveyPurpose Purpose, Guid? ActivityId, string? ActivityTitle,
    SurveyAudience Audience, bool Anonymous, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, SurveyStatus Status, bool Automatic,
    bool AcceptingAnswers, int Responses, bool? Answered, DateTimeOffset CreatedAt, IReadOnlyList<QuestionView> Questions)
{
    public static SurveyView Of(Survey s, string? activityTitle, int responses, bool? answered, DateTimeOffset now) =>
        new(s.Id, s.Title, s.Purpose, s.ActivityId, activityTitle, s.Audience, s.Anonymous, s.OpensAt, s.ClosesAt, s.Status, s.Automatic,
            s.Accepts(now), responses, answered, s.CreatedAt,
            s.Questions.Select((q, i) => new QuestionView(i, q.Type, q.Text, q.Required, q.Options, q.Personal)).ToList());
}
