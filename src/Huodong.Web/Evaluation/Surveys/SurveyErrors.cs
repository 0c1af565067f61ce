using Huodong.Web.Shared;

namespace Huodong.Web.Evaluation.Surveys;

public static class SurveyErrors
{
    public static readonly Error NotFound = Error.NotFound("Survey");

    public static Error NotDraft(SurveyStatus status) => new(ErrorKind.Conflict, "not-draft",
        "Only a draft survey can be edited; this one is {0}.", [status.ToString()]);

    public static Error WrongState(SurveyStatus status) => new(ErrorKind.Conflict, "wrong-state",
        "This cannot be done to a survey that is {0}.", [status.ToString()]);

    public static readonly Error NoQuestions = new(ErrorKind.BusinessRule, "no-questions", "Add at least one question before opening the survey.");

    public static readonly Error AlreadyAnswered = new(ErrorKind.Conflict, "already-answered", "You have already answered this survey.");

    public static readonly Error NotInAudience = new(ErrorKind.BusinessRule, "not-in-audience", "This survey is for other members.");

    public static readonly Error Closed = new(ErrorKind.BusinessRule, "survey-closed", "This survey is not accepting answers now.");
}
