namespace Huodong.Web.Evaluation.Surveys;

/// <summary>The body of <c>POST /api/surveys</c> and <c>PUT /api/surveys/{id}</c>; enums by name.</summary>
public sealed record SurveyInput(string? Title, string? Purpose, Guid? ActivityId, string? Audience, bool? Anonymous,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, IReadOnlyList<QuestionInput?>? Questions);

public sealed record QuestionInput(string? Type, string? Text, bool? Required, IReadOnlyList<string?>? Options, bool? Personal);

/// <summary>
/// The body of <c>POST /api/surveys/{id}/responses</c>: one answer per question, in question order. A single choice
/// or a score is <c>value</c>, a multiple choice <c>values</c> (option indexes from 0), free text <c>text</c>.
/// </summary>
public sealed record ResponseInput(IReadOnlyList<AnswerInput?>? Answers);

public sealed record AnswerInput(int? Value, IReadOnlyList<int>? Values, string? Text);

/// <summary>Checks a <see cref="SurveyInput"/> field by field (JSON paths as keys) and turns it into a draft.</summary>
public static class SurveyValidation
{
    public static Shared.Result<SurveyDraft> Validate(SurveyInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors["title"] = ["Required."];
        else if (title.Length > Survey.MaxTitle) errors["title"] = ["Must be at most 200 characters."];
        var purpose = SurveyPurpose.Other;
        if (string.IsNullOrWhiteSpace(input.Purpose)) errors["purpose"] = ["Required."];
        else if (!TryEnum(input.Purpose, out purpose)) errors["purpose"] = ["Choose NeedsResearch, Satisfaction or Other."];
        var audience = SurveyAudience.AllMembers;
        if (!string.IsNullOrWhiteSpace(input.Audience) && !TryEnum(input.Audience, out audience))
            errors["audience"] = ["Choose AllMembers, EligibleMembers or Participants."];
        else if (audience != SurveyAudience.AllMembers && input.ActivityId is null)
            errors["audience"] = ["Eligible members and participants need a linked activity."];
        if (purpose == SurveyPurpose.Satisfaction && input.ActivityId is null)
            errors["activityId"] = ["A satisfaction survey belongs to an activity."];
        if (input.OpensAt is { } o && input.ClosesAt is { } c && c <= o) errors["closesAt"] = ["Must be after the opening time."];

        var questions = new List<SurveyQuestion>();
        var list = input.Questions ?? [];
        if (list.Count > Survey.MaxQuestions) errors["questions"] = ["At most 50 questions."];
        for (var i = 0; i < list.Count && i < Survey.MaxQuestions; i++)
        {
            var q = list[i];
            var at = $"questions[{i}]";
            if (q is null) { errors[at] = ["Required."]; continue; }
            var type = QuestionType.FreeText;
            if (string.IsNullOrWhiteSpace(q.Type) || !TryEnum(q.Type, out type))
                errors[at + ".type"] = ["Choose SingleChoice, MultipleChoice, Rating, Nps or FreeText."];
            var text = q.Text?.Trim();
            if (string.IsNullOrEmpty(text)) errors[at + ".text"] = ["Required."];
            else if (text.Length > Survey.MaxQuestionText) errors[at + ".text"] = ["Must be at most 500 characters."];
            var options = (q.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
            var choice = type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
            if (choice)
            {
                if (options.Count < 2) errors[at + ".options"] = ["A choice question needs at least two options."];
                else if (options.Count > Survey.MaxOptions) errors[at + ".options"] = ["At most 20 options."];
                else if (options.Any(o => o.Length == 0 || o.Length > Survey.MaxOption)) errors[at + ".options"] = ["Each option needs 1 to 200 characters."];
                else if (options.Distinct().Count() != options.Count) errors[at + ".options"] = ["Options must differ."];
            }
            else if (options.Count > 0) errors[at + ".options"] = ["Only choice questions have options."];
            var personal = q.Personal ?? false;
            if (personal && type != QuestionType.FreeText) errors[at + ".personal"] = ["Only free-text answers can be personal."];
            questions.Add(new SurveyQuestion(type, text ?? "", q.Required ?? true, choice ? options : [], personal));
        }
        if (errors.Count > 0) return Shared.Error.Validation(errors);
        return new SurveyDraft(title!, purpose, input.ActivityId, audience, input.Anonymous ?? false,
            input.OpensAt?.ToUniversalTime(), input.ClosesAt?.ToUniversalTime(), questions);
    }

    /// <summary>Enum by name only: "1" is not a purpose.</summary>
    public static bool TryEnum<T>(string value, out T parsed) where T : struct, Enum =>
        Enum.TryParse(value.Trim(), ignoreCase: true, out parsed) && !int.TryParse(value, out _) && Enum.IsDefined(parsed);

    /// <summary>Checks each answer against its question; free text is trimmed. Keys are <c>answers[i]</c>.</summary>
    public static Shared.Result<List<(int Question, int? Value, string? Text)>> Answers(IReadOnlyList<SurveyQuestion> questions, ResponseInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var answers = input.Answers ?? [];
        if (answers.Count > questions.Count) errors["answers"] = ["There are more answers than questions."];
        var rows = new List<(int, int?, string?)>();
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var a = i < answers.Count ? answers[i] : null;
            var key = $"answers[{i}]";
            var (min, max) = q.Range;
            switch (q.Type)
            {
                case QuestionType.FreeText:
                    var text = a?.Text?.Trim();
                    if (string.IsNullOrEmpty(text)) { if (q.Required) errors[key] = ["This question needs an answer."]; }
                    else if (text.Length > Survey.MaxAnswerText) errors[key] = ["Must be at most 2,000 characters."];
                    else if (text.Contains('\0')) errors[key] = ["The value is not valid."];
                    else rows.Add((i, null, text));
                    break;
                case QuestionType.MultipleChoice:
                    var values = a?.Values ?? (a?.Value is { } single ? [single] : []);
                    if (values.Count == 0) { if (q.Required) errors[key] = ["Choose at least one option."]; }
                    else if (values.Any(v => v < min || v > max)) errors[key] = ["Choose among the question's options."];
                    else if (values.Distinct().Count() != values.Count) errors[key] = ["Choose each option at most once."];
                    else rows.AddRange(values.Select(v => (i, (int?)v, (string?)null)));
                    break;
                default:
                    if (a?.Value is not { } value) { if (q.Required) errors[key] = [Missing(q.Type)]; }
                    else if (value < min || value > max) errors[key] = [OutOfRange(q.Type)];
                    else rows.Add((i, value, null));
                    break;
            }
        }
        if (errors.Count > 0) return Shared.Error.Validation(errors);
        return rows;
    }

    private static string Missing(QuestionType t) => t switch
    {
        QuestionType.Rating => "Give a rating from 1 to 5.",
        QuestionType.Nps => "Give a score from 0 to 10.",
        _ => "Choose one option.",
    };

    private static string OutOfRange(QuestionType t) => t switch
    {
        QuestionType.Rating => "A rating is a whole number from 1 to 5.",
        QuestionType.Nps => "A score is a whole number from 0 to 10.",
        _ => "Choose among the question's options.",
    };
}
