using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>
/// A member answers a survey once (V2.2, P2.1): the survey must be open and the member in its audience. One answer per
/// member is held by the unique (survey, member key) index, so two parallel submits store exactly one response.
/// An anonymous survey keeps only the keyed hash, and its audit entry names no actor.
/// </summary>
public sealed class AnswerSurvey(HuodongDb db, AuditLog audit, FieldProtector protector, TimeProvider time)
{
    public const string AnswerPurpose = "survey.answer";
    private const string KeyPurpose = "survey.respondent";

    public async Task<Result<SurveyResponse>> SubmitAsync(Actor actor, Guid surveyId, ResponseInput input, CancellationToken ct)
    {
        if (!actor.IsSignedIn) return Error.Forbidden;
        var (survey, activity) = await VisibleAsync(db, actor, surveyId, ct);
        if (survey is null) return SurveyErrors.NotFound;
        if (!SurveyPermissions.CanAnswer(actor)) return Error.Forbidden;
        var key = MemberKey(survey.Id, actor.Id);
        if (await db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == survey.Id && r.MemberKey == key, ct)) return SurveyErrors.AlreadyAnswered;
        var now = time.UtcNow();
        if (!survey.Accepts(now)) return SurveyErrors.Closed;
        if (!await SurveyAudiences.IncludesAsync(db, survey, activity, actor.Id, ct)) return SurveyErrors.NotInAudience;
        var questions = survey.Questions;
        var answers = SurveyValidation.Answers(questions, input);
        if (!answers.IsOk) return answers.Error!;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var response = new SurveyResponse(survey.Id, survey.Anonymous ? null : actor.Id, key, now);
        db.Add(response);
        foreach (var (q, value, text) in answers.Value!)
            db.Add(new SurveyAnswer(response.Id, survey.Id, q, value,
                text is not null && questions[q].Personal ? protector.Encrypt(text, AnswerPurpose) : text));
        await audit.AppendAsync(survey.Anonymous ? null : actor.Id, "survey.response.submitted", "survey", survey.Id.ToString(),
            new { responseId = response.Id, answers = answers.Value!.Count }, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return response;
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == survey.Id && r.MemberKey == key, ct)) return SurveyErrors.AlreadyAnswered;
            throw;
        }
    }

    public string MemberKey(Guid surveyId, Guid memberId) => protector.BlindIndex($"{surveyId:N}:{memberId:N}", KeyPurpose);

    public Task<bool> HasAnsweredAsync(Guid surveyId, Guid memberId, CancellationToken ct)
    {
        var key = MemberKey(surveyId, memberId);
        return db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == surveyId && r.MemberKey == key, ct);
    }

    /// <summary>
    /// The survey as a member may see it: not a Draft, and of an activity the member can see. Staff who manage it see
    /// it in any state. Null (404) otherwise.
    /// </summary>
    public static async Task<(Survey?, Activity?)> VisibleAsync(HuodongDb db, Actor actor, Guid surveyId, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null) return (null, null);
        var activity = survey.ActivityId is { } aid
            ? await db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == aid, ct) : null;
        if (SurveyPermissions.CanManage(actor, activity)) return (survey, activity);
        if (survey.Status == SurveyStatus.Draft) return (null, null);
        if (activity is not null && !PlanningPermissions.CanSee(actor, activity)) return (null, null);
        return (survey, activity);
    }
}
