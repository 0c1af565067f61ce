using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>
/// Who a survey is for. Participants of an activity are the members who took part in the way its method asks: a
/// Confirmed registration, an accepted reply or submission, or a completed task of the activity.
/// </summary>
public static class SurveyAudiences
{
    public static IQueryable<Guid> Participants(HuodongDb db, Guid activityId) =>
        db.Registrations.Where(r => r.ActivityId == activityId && r.Status == RegistrationStatus.Confirmed).Select(r => r.MemberId)
            .Union(db.Submissions.Where(s => s.ActivityId == activityId && s.Status == SubmissionStatus.Accepted).Select(s => s.MemberId))
            .Union(db.CompletedTasks.Where(t => t.ActivityId == activityId).Select(t => t.MemberId));

    private static IQueryable<Guid> Members(HuodongDb db)
    {
        var roleId = db.Roles.Where(r => r.Name == Roles.Member).Select(r => r.Id);
        return db.UserRoles.Where(ur => roleId.Contains(ur.RoleId)).Select(ur => ur.UserId);
    }

    public static async Task<bool> IncludesAsync(HuodongDb db, Survey survey, Activity? activity, Guid memberId, CancellationToken ct)
    {
        if (survey.Audience == SurveyAudience.AllMembers || activity is null) return true;
        if (survey.Audience == SurveyAudience.Participants)
            return await Participants(db, activity.Id).ContainsAsync(memberId, ct);
        var rule = activity.ApprovedPlan?.Eligibility;
        var level = await db.Users.Where(u => u.Id == memberId).Select(u => u.Level).FirstAsync(ct);
        var tasks = await db.CompletedTasks.Where(t => t.MemberId == memberId && (t.ActivityId == Guid.Empty || t.ActivityId == activity.Id))
            .Select(t => t.TaskKey).ToListAsync(ct);
        return Eligibility.Check(rule, level, tasks.ToHashSet()).Eligible;
    }

    /// <summary>How many members the survey is for: the denominator of its response rate.</summary>
    public static async Task<int> SizeAsync(HuodongDb db, Survey survey, Activity? activity, CancellationToken ct)
    {
        if (survey.Audience == SurveyAudience.Participants && activity is not null)
            return await Participants(db, activity.Id).CountAsync(ct);
        var members = Members(db);
        if (survey.Audience == SurveyAudience.AllMembers || activity is null) return await members.CountAsync(ct);
        var rule = activity.ApprovedPlan?.Eligibility ?? new EligibilityRule();
        var byLevel = db.Users.Where(u => members.Contains(u.Id) && u.Level >= rule.MinLevel).Select(u => u.Id);
        var required = (rule.RequiredTasks ?? []).Distinct().ToList();
        if (required.Count == 0) return await byLevel.CountAsync(ct);
        return await db.CompletedTasks
            .Where(t => required.Contains(t.TaskKey) && (t.ActivityId == Guid.Empty || t.ActivityId == activity.Id) && byLevel.Contains(t.MemberId))
            .GroupBy(t => t.MemberId).Where(g => g.Select(t => t.TaskKey).Distinct().Count() == required.Count).CountAsync(ct);
    }
}
