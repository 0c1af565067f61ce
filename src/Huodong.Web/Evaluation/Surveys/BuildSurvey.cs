using Huodong.Web.Audit;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>
/// Staff build a survey as a Draft, edit it while it is a Draft, open it to its audience and close it (P2.1, V2.2).
/// Each step checks who may manage the survey (or the activity it belongs to) and is audited in its transaction.
/// </summary>
public sealed class BuildSurvey(ActivityStore store, AuditLog audit, TimeProvider time)
{
    public Task<Result<Survey>> CreateAsync(Actor actor, SurveyInput input, CancellationToken ct) =>
        store.InTransactionAsync<Survey>(async () =>
        {
            if (!actor.IsStaff) return Error.Forbidden;
            var valid = SurveyValidation.Validate(input);
            if (!valid.IsOk) return valid.Error!;
            var draft = valid.Value!;
            var activity = await LinkedAsync(draft.ActivityId, ct);
            if (draft.ActivityId is not null && (activity is null || !PlanningPermissions.CanSee(actor, activity)))
                return Error.Field("activityId", "No activity you can see has this id.");
            if (!SurveyPermissions.CanManage(actor, activity)) return Error.Forbidden;
            var survey = new Survey(draft, actor.Id, time.UtcNow());
            store.Db.Add(survey);
            await audit.AppendAsync(actor.Id, "survey.created", "survey", survey.Id.ToString(),
                new { survey.Title, purpose = survey.Purpose.ToString(), survey.ActivityId, questions = draft.Questions.Count }, ct);
            return survey;
        }, ct);

    public Task<Result<Survey>> UpdateAsync(Actor actor, Guid surveyId, SurveyInput input, CancellationToken ct) =>
        store.InTransactionAsync<Survey>(async () =>
        {
            var (survey, refused) = await LoadAsync(actor, surveyId, ct);
            if (refused is not null) return refused;
            if (survey!.Status != SurveyStatus.Draft) return SurveyErrors.NotDraft(survey.Status);
            var valid = SurveyValidation.Validate(input);
            if (!valid.IsOk) return valid.Error!;
            var draft = valid.Value!;
            if (draft.ActivityId != survey.ActivityId)
            {
                var activity = await LinkedAsync(draft.ActivityId, ct);
                if (draft.ActivityId is not null && (activity is null || !PlanningPermissions.CanSee(actor, activity)))
                    return Error.Field("activityId", "No activity you can see has this id.");
                if (!SurveyPermissions.CanManage(actor, activity)) return Error.Forbidden;
            }
            var edited = survey.Edit(draft, time.UtcNow());
            if (!edited.IsOk) return edited.Error!;
            await audit.AppendAsync(actor.Id, "survey.updated", "survey", survey.Id.ToString(),
                new { survey.Title, questions = draft.Questions.Count }, ct);
            return survey;
        }, ct);

    public Task<Result<Survey>> OpenAsync(Actor actor, Guid surveyId, CancellationToken ct) =>
        ChangeAsync(actor, surveyId, "survey.opened", (s, at) => s.Open(at), ct);

    public Task<Result<Survey>> CloseAsync(Actor actor, Guid surveyId, CancellationToken ct) =>
        ChangeAsync(actor, surveyId, "survey.closed", (s, at) => s.Close(at), ct);

    private Task<Result<Survey>> ChangeAsync(Actor actor, Guid surveyId, string code, Func<Survey, DateTimeOffset, Result> change,
        CancellationToken ct) =>
        store.InTransactionAsync<Survey>(async () =>
        {
            var (survey, refused) = await LoadAsync(actor, surveyId, ct);
            if (refused is not null) return refused;
            var changed = change(survey!, time.UtcNow());
            if (!changed.IsOk) return changed.Error!;
            await audit.AppendAsync(actor.Id, code, "survey", survey!.Id.ToString(), new { status = survey.Status.ToString() }, ct);
            return survey;
        }, ct);

    /// <summary>The survey to change, or 404 for whoever may not manage it.</summary>
    private async Task<(Survey?, Error?)> LoadAsync(Actor actor, Guid surveyId, CancellationToken ct)
    {
        var survey = await store.Db.Set<Survey>().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null || !actor.IsStaff) return (null, SurveyErrors.NotFound);
        var activity = await LinkedAsync(survey.ActivityId, ct);
        if (!SurveyPermissions.CanManage(actor, activity)) return (null, SurveyErrors.NotFound);
        return (survey, null);
    }

    private async Task<Activity?> LinkedAsync(Guid? activityId, CancellationToken ct) =>
        activityId is { } id ? await store.Db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == id, ct) : null;
}
