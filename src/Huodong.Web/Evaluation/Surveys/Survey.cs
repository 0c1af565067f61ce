using System.Text.Json;
using System.Text.Json.Serialization;
using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Surveys;

public enum SurveyPurpose { NeedsResearch, Satisfaction, Other }
public enum SurveyAudience { AllMembers, EligibleMembers, Participants }
public enum SurveyStatus { Draft, Open, Closed }
public enum QuestionType { SingleChoice, MultipleChoice, Rating, Nps, FreeText }

/// <summary>
/// One question of a survey. Choice answers are stored as the option's index; a rating is 1–5 and an NPS score 0–10.
/// A <see cref="Personal"/> free-text question's answers are encrypted like other personal data.
/// </summary>
public sealed record SurveyQuestion(QuestionType Type, string Text, bool Required, IReadOnlyList<string> Options, bool Personal)
{
    public bool IsChoice => Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;

    /// <summary>The values a numeric answer may take (options by index, the rating or NPS scale).</summary>
    public (int Min, int Max) Range => Type switch
    {
        QuestionType.Rating => (1, 5),
        QuestionType.Nps => (0, 10),
        _ => (0, Options.Count - 1),
    };
}

/// <summary>
/// A questionnaire (P2.1 needs research, V2.2 satisfaction after an activity): built as a Draft, opened to its
/// audience for a period, then closed. Only a Draft can be edited, so answers always match the questions they answer.
/// </summary>
public sealed class Survey
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private Survey() { }

    public Survey(SurveyDraft draft, Guid createdById, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CreatedById = createdById;
        CreatedAt = at;
        Status = SurveyStatus.Draft;
        Apply(draft, at);
    }

    public const int MaxTitle = 200;
    public const int MaxQuestionText = 500;
    public const int MaxOption = 200;
    public const int MaxOptions = 20;
    public const int MaxQuestions = 50;
    public const int MaxAnswerText = 2000;

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public SurveyPurpose Purpose { get; private set; }
    public Guid? ActivityId { get; private set; }
    public SurveyAudience Audience { get; private set; }
    public bool Anonymous { get; private set; }
    public DateTimeOffset? OpensAt { get; private set; }
    public DateTimeOffset? ClosesAt { get; private set; }
    public SurveyStatus Status { get; private set; }
    public string QuestionsJson { get; private set; } = "[]";
    /// <summary>The standard satisfaction survey made when the activity ended (at most one per activity).</summary>
    public bool Automatic { get; private set; }
    public Guid CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyList<SurveyQuestion> Questions => JsonSerializer.Deserialize<List<SurveyQuestion>>(QuestionsJson, Json) ?? [];

    public static Survey Standard(SurveyDraft draft, Guid by, DateTimeOffset at)
    {
        var survey = new Survey(draft, by, at) { Automatic = true };
        survey.Open(at);
        return survey;
    }

    public Result Edit(SurveyDraft draft, DateTimeOffset at)
    {
        if (Status != SurveyStatus.Draft) return SurveyErrors.NotDraft(Status);
        Apply(draft, at);
        return Result.Ok;
    }

    public Result Open(DateTimeOffset at)
    {
        if (Status != SurveyStatus.Draft) return SurveyErrors.WrongState(Status);
        if (Questions.Count == 0) return SurveyErrors.NoQuestions;
        Status = SurveyStatus.Open;
        OpenedAt = UpdatedAt = at;
        return Result.Ok;
    }

    public Result Close(DateTimeOffset at)
    {
        if (Status != SurveyStatus.Open) return SurveyErrors.WrongState(Status);
        Status = SurveyStatus.Closed;
        ClosedAt = UpdatedAt = at;
        return Result.Ok;
    }

    /// <summary>Open, and inside its period: answers are accepted.</summary>
    public bool Accepts(DateTimeOffset at) =>
        Status == SurveyStatus.Open && (OpensAt is not { } opens || at >= opens) && (ClosesAt is not { } closes || at < closes);

    private void Apply(SurveyDraft d, DateTimeOffset at)
    {
        Title = d.Title;
        Purpose = d.Purpose;
        ActivityId = d.ActivityId;
        Audience = d.Audience;
        Anonymous = d.Anonymous;
        OpensAt = d.OpensAt;
        ClosesAt = d.ClosesAt;
        QuestionsJson = JsonSerializer.Serialize(d.Questions, Json);
        UpdatedAt = at;
    }
}

/// <summary>A validated survey definition (see <see cref="SurveyInput"/> for what the API and the builder send).</summary>
public sealed record SurveyDraft(string Title, SurveyPurpose Purpose, Guid? ActivityId, SurveyAudience Audience, bool Anonymous,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, IReadOnlyList<SurveyQuestion> Questions);

/// <summary>
/// One member's submitted answers. <see cref="MemberKey"/> is a keyed hash of the member and the survey, unique per
/// survey, so each member answers once even when the survey is anonymous and <see cref="MemberId"/> is not kept.
/// </summary>
public sealed class SurveyResponse
{
    private SurveyResponse() { }

    public SurveyResponse(Guid surveyId, Guid? memberId, string memberKey, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        SurveyId = surveyId;
        MemberId = memberId;
        MemberKey = memberKey;
        SubmittedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid SurveyId { get; private set; }
    public Guid? MemberId { get; private set; }
    public string MemberKey { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>
    /// Account erasure (PIPL art. 47): the response keeps counting in the results but no longer leads to the member —
    /// no member id, and a random key in place of the keyed hash of the member.
    /// </summary>
    public void Unlink(string randomKey) => (MemberId, MemberKey) = (null, randomKey);
}

/// <summary>
/// One answer value: a choice (option index; one row per chosen option), a rating or NPS score in <see cref="Value"/>,
/// or free text in <see cref="Text"/> (encrypted when the question is personal). Rows let results be counted in SQL.
/// </summary>
public sealed class SurveyAnswer
{
    private SurveyAnswer() { }

    public SurveyAnswer(Guid responseId, Guid surveyId, int question, int? value, string? text)
    {
        ResponseId = responseId;
        SurveyId = surveyId;
        Question = question;
        Value = value;
        Text = text;
    }

    public long Id { get; private set; }
    public Guid ResponseId { get; private set; }
    public Guid SurveyId { get; private set; }
    public int Question { get; private set; }
    public int? Value { get; private set; }
    public string? Text { get; private set; }

    /// <summary>Account erasure: the text is replaced (sealed again by the caller when the question is personal).</summary>
    public void EraseText(string replacement) => Text = replacement;
}
