using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>
/// Who a survey is for: all members, the members eligible for its activity, or its participants
/// (<see cref="ActivityParticipants"/>).
/// </summary>
public static class SurveyAudiences
{
    private static IQueryable<Guid> Members(HuodongDb db)
    {
        var roleId = db.Roles.Where(r => r.Name == Roles.Member).Select(r => r.Id);
        return db.UserRoles.Where(ur => roleId.Contains(ur.RoleId)).Select(ur => ur.UserId);
    }

    public static async Task<bool> IncludesAsync(HuodongDb db, Survey survey, Activity? activity, Guid memberId, CancellationToken ct)
    {
        if (survey.Audience == SurveyAudience.AllMembers || activity is null) return true;
        if (survey.Audience == SurveyAudience.Participants)
            return await ActivityParticipants.Of(db, activity.Id).ContainsAsync(memberId, ct);
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
            return await ActivityParticipants.Of(db, activity.Id).CountAsync(ct);
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
