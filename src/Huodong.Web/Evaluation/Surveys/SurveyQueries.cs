using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>Reads of surveys for the API and the pages, each with the same permission checks as the use cases.</summary>
public sealed class SurveyQueries(HuodongDb db, AnswerSurvey answering, Compliance compliance, FieldProtector protector, TimeProvider time)
{
    /// <summary>The surveys the staff member manages, newest first; optionally of one activity.</summary>
    public async Task<Result<List<SurveyView>>> ListAsync(Actor actor, Guid? activityId, CancellationToken ct)
    {
        if (!actor.IsStaff) return Error.Forbidden;
        var q = db.Set<Survey>().AsNoTracking();
        if (activityId is { } aid) q = q.Where(s => s.ActivityId == aid);
        if (!actor.Is(Roles.CommunityHead) && !actor.Is(Roles.Admin))
        {
            var uid = actor.Id;
            var mine = db.TeamMembers.Where(t => t.UserId == uid).Select(t => t.ActivityId);
            var planner = actor.Is(Roles.Planner);
            q = q.Where(s => (s.ActivityId == null && planner) || (s.ActivityId != null && mine.Contains(s.ActivityId.Value)));
        }
        return await ViewsAsync(await q.OrderByDescending(s => s.CreatedAt).Take(500).ToListAsync(ct), null, ct);
    }

    /// <summary>An activity's surveys: all of them for its managers; the opened ones for members who can see it.</summary>
    public async Task<Result<List<SurveyView>>> ForActivityAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
        var manages = SurveyPermissions.CanManage(actor, activity);
        var surveys = await db.Set<Survey>().AsNoTracking().Where(s => s.ActivityId == activityId && (manages || s.Status != SurveyStatus.Draft))
            .OrderByDescending(s => s.CreatedAt).ToListAsync(ct);
        return await ViewsAsync(surveys, manages || !actor.IsSignedIn ? null : actor.Id, ct);
    }

    public async Task<Result<SurveyView>> GetAsync(Actor actor, Guid surveyId, CancellationToken ct)
    {
        var (survey, activity) = await AnswerSurvey.VisibleAsync(db, actor, surveyId, ct);
        if (survey is null) return SurveyErrors.NotFound;
        var responses = await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == surveyId, ct);
        bool? answered = actor.IsSignedIn && !actor.IsStaff ? await answering.HasAnsweredAsync(surveyId, actor.Id, ct) : null;
        return SurveyView.Of(survey, activity?.Title, responses, answered, time.UtcNow());
    }

    /// <summary>The open surveys the member can answer now and has not answered.</summary>
    public async Task<List<SurveyView>> MineAsync(Actor actor, CancellationToken ct)
    {
        if (!SurveyPermissions.CanAnswer(actor)) return [];
        var now = time.UtcNow();
        var open = await db.Set<Survey>().AsNoTracking().Where(s => s.Status == SurveyStatus.Open)
            .OrderByDescending(s => s.OpenedAt).Take(200).ToListAsync(ct);
        var list = new List<SurveyView>();
        foreach (var s in open.Where(s => s.Accepts(now)))
        {
            var (survey, activity) = await AnswerSurvey.VisibleAsync(db, actor, s.Id, ct);
            if (survey is null || await answering.HasAnsweredAsync(s.Id, actor.Id, ct)) continue;
            if (!await SurveyAudiences.IncludesAsync(db, s, activity, actor.Id, ct)) continue;
            list.Add(SurveyView.Of(s, activity?.Title, 0, false, now));
        }
        return list;
    }

    /// <summary>Results for those who manage the survey; personal free text only for staff cleared by S2.1/S2.3.</summary>
    public async Task<Result<SurveyResultsView>> ResultsAsync(Actor actor, Guid surveyId, CancellationToken ct)
    {
        var (survey, activity, refused) = await ManagedAsync(actor, surveyId, ct);
        if (refused is not null) return refused;
        var cleared = (await compliance.RequireAsync(actor, ct)).IsOk;
        return await SurveyFigures.ResultsAsync(db, survey!, activity, cleared, t => protector.Decrypt(t, AnswerSurvey.AnswerPurpose), ct);
    }

    public async Task<(Survey?, Activity?, Error?)> ManagedAsync(Actor actor, Guid surveyId, CancellationToken ct)
    {
        if (!actor.IsStaff) return (null, null, SurveyErrors.NotFound);
        var survey = await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null) return (null, null, SurveyErrors.NotFound);
        var activity = survey.ActivityId is { } aid
            ? await db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == aid, ct) : null;
        return SurveyPermissions.CanManage(actor, activity) ? (survey, activity, null) : (null, null, SurveyErrors.NotFound);
    }

    private async Task<List<SurveyView>> ViewsAsync(List<Survey> surveys, Guid? member, CancellationToken ct)
    {
        var ids = surveys.Select(s => s.Id).ToList();
        var counts = await db.Set<SurveyResponse>().Where(r => ids.Contains(r.SurveyId)).GroupBy(r => r.SurveyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var activityIds = surveys.Where(s => s.ActivityId != null).Select(s => s.ActivityId!.Value).Distinct().ToList();
        var titles = await db.Activities.Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        var now = time.UtcNow();
        var views = new List<SurveyView>();
        foreach (var s in surveys)
        {
            bool? answered = member is { } m ? await answering.HasAnsweredAsync(s.Id, m, ct) : null;
            views.Add(SurveyView.Of(s, s.ActivityId is { } a ? titles.GetValueOrDefault(a) : null, counts.GetValueOrDefault(s.Id), answered, now));
        }
        return views;
    }
}
