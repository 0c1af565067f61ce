using Huodong.Web.Evaluation;
using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>
/// V2.2: when an activity ends, its participants get the standard satisfaction questionnaire — overall, content,
/// format and organisation ratings (V1.2), an NPS score and suggestions — open for two weeks, with a notification
/// linking to it. Called inside the end transition's transaction, so the survey exists exactly when the activity has
/// ended; an activity that already has a satisfaction survey gets no second one.
/// </summary>
public sealed class SatisfactionSurveyOnEnd(AuditLog audit)
{
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(14);

    public async Task<Survey?> CreateAsync(HuodongDb db, Activity activity, Guid actorId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Set<Survey>().AnyAsync(s => s.ActivityId == activity.Id && s.Purpose == SurveyPurpose.Satisfaction, ct)
            || db.ChangeTracker.Entries<Survey>().Any(e => e.Entity.ActivityId == activity.Id && e.Entity.Purpose == SurveyPurpose.Satisfaction))
            return null;
        // Written in zh-CN, the community's language: a survey's words are content, like the activity's title.
        var draft = new SurveyDraft($"“{activity.Title}”满意度调查", SurveyPurpose.Satisfaction, activity.Id, SurveyAudience.Participants,
            Anonymous: false, now, now + OpenFor,
        [
            new SurveyQuestion(QuestionType.Rating, "总体而言，你对本次活动满意吗？", true, [], false),
            new SurveyQuestion(QuestionType.Rating, "你对活动内容满意吗？", true, [], false),
            new SurveyQuestion(QuestionType.Rating, "你对活动形式满意吗？", true, [], false),
            new SurveyQuestion(QuestionType.Rating, "你对活动的组织满意吗？", true, [], false),
            new SurveyQuestion(QuestionType.Nps, "你有多大可能向朋友推荐我们社区的活动？（0–10）", true, [], false),
            new SurveyQuestion(QuestionType.FreeText, "你对今后的活动有什么建议？", false, [], false),
        ]);
        var survey = Survey.Standard(draft, actorId, now);
        db.Add(survey);
        await audit.AppendAsync(actorId, "survey.created.automatic", "survey", survey.Id.ToString(),
            new { activityId = activity.Id, survey.Title }, ct);
        var participants = await ActivityParticipants.Of(db, activity.Id).ToListAsync(ct);
        foreach (var member in participants)
            Notifier.Notify(db, member, NotificationKind.SurveyInvited, activity.Id, activity.Title, now, survey.Id.ToString());
        return survey;
    }
}
