using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Evaluation;
using Huodong.Web.Evaluation.Surveys;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Evaluation;

public abstract partial class SurveysApiTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Ends the activity the way the scheduler does, at its planned end.</summary>
    private async Task<Huodong.Web.Shared.Result<Activity>> EndByScheduler(Guid activityId)
    {
        using var scope = App.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var endsAt = await App.WithDb(db => db.Activities.Where(a => a.Id == activityId).Select(a => a.EndsAt!.Value).SingleAsync(Ct));
        var steps = new ScheduledSteps(sp.GetRequiredService<ActivityStore>(), new FixedTime(endsAt.AddMinutes(1)),
            sp.GetRequiredService<SatisfactionSurveyOnEnd>());
        return await steps.EndAsync(activityId, "test", Ct);
    }

    [Fact]
    public async Task Ending_an_activity_opens_one_standard_satisfaction_survey_for_its_participants_and_tells_them()
    {
        var (a, b) = (await NewMember(), await NewMember());
        var id = await LiveActivity(ParticipationPlans.OpenNow(), a, b);
        Assert.True((await EndByScheduler(id)).IsOk);

        var surveys = await (await (await Planner).GetAsync($"/api/activities/{id}/surveys", Ct)).Expect<Page<SurveyDto>>(HttpStatusCode.OK);
        var survey = Assert.Single(surveys.Items);
        Assert.Equal((SurveyPurpose.Satisfaction, SurveyStatus.Open, SurveyAudience.Participants, true),
            (survey.Purpose, survey.Status, survey.Audience, survey.Automatic));
        Assert.Equal([QuestionType.Rating, QuestionType.Rating, QuestionType.Rating, QuestionType.Rating, QuestionType.Nps, QuestionType.FreeText],
            survey.Questions.Select(q => q.Type));
        Assert.Contains("满意度", survey.Title);
        var told = Assert.Single(await Notifications(a, id), n => n.Kind == NotificationKind.SurveyInvited);
        Assert.Contains("questionnaire", (await Notifications(a, id, "en")).Single(n => n.Kind == NotificationKind.SurveyInvited).Text);
        Assert.NotNull(told);

        // Ending again does nothing, and asking for the survey again makes no second one.
        Assert.False((await EndByScheduler(id)).IsOk);
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Huodong.Web.Data.HuodongDb>();
            var activity = await db.Activities.SingleAsync(x => x.Id == id, Ct);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<SatisfactionSurveyOnEnd>().CreateAsync(db, activity, Guid.Empty, DateTimeOffset.UtcNow, Ct));
        }
        Assert.Equal(1, await App.WithDb(db => db.Set<Survey>().CountAsync(s => s.ActivityId == id, Ct)));
        Assert.Single(await Notifications(b, id), n => n.Kind == NotificationKind.SurveyInvited);
    }

    [Fact]
    public async Task The_demo_closed_activity_has_answered_satisfaction_figures_and_feedback()
    {
        var closed = await App.WithDb(db => db.Activities.Where(a => a.Status == ActivityStatus.Closed).Select(a => a.Id).FirstAsync(Ct));
        using var scope = App.Services.CreateScope();
        var satisfaction = await scope.ServiceProvider.GetRequiredService<ISatisfactionSource>().ForAsync(closed, 20, Ct);
        Assert.Equal(16, satisfaction.Responses);
        Assert.InRange(satisfaction.Csat!.Value, 0.5, 0.95);
        Assert.InRange(satisfaction.Nps!.Value, 1, 99);
        Assert.Equal(new FeedbackFigures(3, 1), await scope.ServiceProvider.GetRequiredService<IFeedbackSource>().ForAsync(closed, Ct));
        var open = await (await (await App.As("member7")).GetAsync("/api/me/surveys", Ct)).Expect<Page<SurveyDto>>(HttpStatusCode.OK);
        Assert.Contains(open.Items, s => s.Purpose == SurveyPurpose.NeedsResearch && s.Title.Contains("2027"));
    }
}
