using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Evaluation;
using Huodong.Web.Evaluation.Surveys;
using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Evaluation;

public sealed record OptionDto(int Value, string Label, int Count, double Percent);
public sealed record QuestionResultDto(int Index, QuestionType Type, string Text, bool Personal, int Answered, List<OptionDto> Distribution,
    double? Average, double? Csat, double? Nps, List<string> Texts, bool Masked);
public sealed record ResultsDto(Guid SurveyId, int Responses, int AudienceSize, double? ResponseRate, double? Csat, double? Nps, List<QuestionResultDto> Questions);
public sealed record SurveyDto(Guid Id, string Title, SurveyPurpose Purpose, Guid? ActivityId, SurveyAudience Audience, bool Anonymous,
    SurveyStatus Status, bool Automatic, bool AcceptingAnswers, int Responses, bool? Answered, List<QuestionView> Questions);

/// <summary>
/// P2.1, V2.2, V1.2 through the API on a real database: building and the Draft → Open → Closed lifecycle, one answer per
/// member (also racing), anonymity, audience and period refusals, results figures, export, and the survey made when an
/// activity ends.
/// </summary>
public abstract partial class SurveysApiTests(TestApp app) : ParticipationTests(app)
{
    protected static object Question(string type, string text = "问题", bool required = true, string[]? options = null, bool personal = false) =>
        new { type, text, required, options, personal };

    protected static object[] StandardQuestions =>
    [
        Question("Rating", "总体满意度"),
        Question("Nps", "推荐意愿"),
        Question("SingleChoice", "最喜欢的环节", options: ["直播", "问答", "抽奖"]),
        Question("MultipleChoice", "你从哪里得知", required: false, options: ["公告", "邮件", "群聊"]),
        Question("FreeText", "建议", required: false),
    ];

    protected async Task<SurveyDto> Created(object body, string by = "planner") =>
        await (await (await App.As(by)).PostJson("/api/surveys", body)).Expect<SurveyDto>(HttpStatusCode.Created);

    protected async Task<SurveyDto> OpenSurvey(Guid? activityId = null, string audience = "AllMembers", bool anonymous = false,
        object[]? questions = null, string purpose = "NeedsResearch")
    {
        var s = await Created(new { title = "兴趣调研", purpose, activityId, audience, anonymous, questions = questions ?? StandardQuestions });
        return await (await (await Planner).PostJson($"/api/surveys/{s.Id}/open", null)).Expect<SurveyDto>(HttpStatusCode.OK);
    }

    protected async Task<HttpResponseMessage> Answer(string member, Guid surveyId, params object?[] answers) =>
        await (await App.As(member)).PostJson($"/api/surveys/{surveyId}/responses", new { answers });

    protected static object[] Full(int rating, int nps, int choice = 0) =>
        [new { value = rating }, new { value = nps }, new { value = choice }, new { values = new[] { 0, 2 } }, new { text = "多办直播" }];

    protected Task<string> NewMember() => App.CreateStaffAsync("m", Roles.Member);

    protected async Task<ResultsDto> Results(Guid surveyId, string by = "planner") =>
        await (await (await App.As(by)).GetAsync($"/api/surveys/{surveyId}/results", Ct)).Expect<ResultsDto>(HttpStatusCode.OK);

    [Fact]
    public async Task Building_a_survey_names_every_wrong_field()
    {
        var problem = await (await (await Planner).PostJson("/api/surveys", new
        {
            title = " ", purpose = "Satisfaction", audience = "Participants",
            questions = new[] { Question("SingleChoice", options: ["只有一个"]), Question("Rating", personal: true), Question("Essay") },
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("title", problem.Fields);
        Assert.Contains("activityId", problem.Fields);
        Assert.Contains("audience", problem.Fields);
        Assert.Contains("questions[0].options", problem.Fields);
        Assert.Contains("questions[1].personal", problem.Fields);
        Assert.Contains("questions[2].type", problem.Fields);

        await (await (await Member).PostJson("/api/surveys", new { title = "x", purpose = "Other", questions = StandardQuestions }))
            .ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_a_draft_is_edited_and_a_survey_moves_from_draft_to_open_to_closed()
    {
        var s = await Created(new { title = "草稿", purpose = "Other", questions = Array.Empty<object>() });
        Assert.Equal(SurveyStatus.Draft, s.Status);
        var problem = await (await (await Planner).PostJson($"/api/surveys/{s.Id}/open", null)).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("no-questions", problem.Code);

        var edited = await (await (await Planner).PutJson($"/api/surveys/{s.Id}", new { title = "改过", purpose = "Other", questions = StandardQuestions }))
            .Expect<SurveyDto>(HttpStatusCode.OK);
        Assert.Equal("改过", edited.Title);
        Assert.Equal(5, edited.Questions.Count);
        await (await (await Planner).PostJson($"/api/surveys/{s.Id}/open", null)).ShouldBe(HttpStatusCode.OK);

        var locked = await (await (await Planner).PutJson($"/api/surveys/{s.Id}", new { title = "再改", purpose = "Other", questions = StandardQuestions }))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("not-draft", locked.Code);
        var closed = await (await (await Planner).PostJson($"/api/surveys/{s.Id}/close", null)).Expect<SurveyDto>(HttpStatusCode.OK);
        Assert.Equal(SurveyStatus.Closed, closed.Status);
        await (await (await Planner).PostJson($"/api/surveys/{s.Id}/close", null)).ShouldBe(HttpStatusCode.Conflict);
        await (await (await Planner2).GetAsync($"/api/surveys/{s.Id}/results", Ct)).ShouldBe(HttpStatusCode.OK); // a planner's research, shared with planners
        await (await (await Member).GetAsync($"/api/surveys/{s.Id}/results", Ct)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_answers_once_and_a_second_answer_is_refused_as_already_answered()
    {
        var s = await OpenSurvey();
        var member = await NewMember();
        await (await Answer(member, s.Id, Full(5, 10))).ShouldBe(HttpStatusCode.Created);
        var again = await (await Answer(member, s.Id, Full(1, 0))).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("already-answered", again.Code);

        var mine = await (await (await App.As(member)).GetAsync($"/api/surveys/{s.Id}", Ct)).Expect<SurveyDto>(HttpStatusCode.OK);
        Assert.True(mine.Answered);
        Assert.Equal(1, (await Results(s.Id)).Responses);
    }

    [Fact]
    public async Task Two_parallel_answers_of_one_member_store_exactly_one()
    {
        var s = await OpenSurvey();
        var member = await NewMember();
        await App.As(member); // sign in once, before the race
        var both = await Task.WhenAll(Answer(member, s.Id, Full(5, 10)), Answer(member, s.Id, Full(4, 9)));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await App.WithDb(db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == s.Id, Ct)));
        Assert.Equal(2, await App.WithDb(db => db.Set<SurveyAnswer>().CountAsync(a => a.SurveyId == s.Id && a.Question < 2, Ct)));
    }

    [Fact]
    public async Task An_anonymous_survey_keeps_no_link_from_the_answer_to_the_member()
    {
        var s = await OpenSurvey(anonymous: true);
        var member = await NewMember();
        var memberId = await App.UserIdAsync(member);
        await (await Answer(member, s.Id, Full(4, 8))).ShouldBe(HttpStatusCode.Created);

        var stored = await App.WithDb(db => db.Set<SurveyResponse>().AsNoTracking().SingleAsync(r => r.SurveyId == s.Id, Ct));
        Assert.Null(stored.MemberId);
        Assert.DoesNotContain(memberId.ToString("N"), stored.MemberKey);
        var audit = await App.WithDb(db => db.AuditEntries.AsNoTracking().Where(a => a.SubjectId == s.Id.ToString() && a.Code == "survey.response.submitted").ToListAsync(Ct));
        Assert.All(audit, a => Assert.Null(a.ActorId));
        var csv = await (await (await Planner).GetAsync($"/api/surveys/{s.Id}/export?format=csv", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(memberId.ToString(), csv);

        // Still one answer per member.
        await (await Answer(member, s.Id, Full(4, 8))).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_the_audience_answers_and_only_while_the_survey_is_open()
    {
        var (participant, other) = (await NewMember(), await NewMember());
        var activity = await LiveActivity(ParticipationPlans.OpenNow(), participant);
        var s = await OpenSurvey(activity, "Participants", purpose: "Satisfaction");
        var outsider = await (await Answer(other, s.Id, Full(5, 10))).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("not-in-audience", outsider.Code);
        await (await Answer(participant, s.Id, Full(5, 10))).ShouldBe(HttpStatusCode.Created);

        var draft = await Created(new { title = "未开放", purpose = "Other", questions = StandardQuestions });
        await (await Answer(other, draft.Id, Full(5, 10))).ShouldBe(HttpStatusCode.NotFound);
        var closing = await OpenSurvey();
        await (await (await Planner).PostJson($"/api/surveys/{closing.Id}/close", null)).ShouldBe(HttpStatusCode.OK);
        var closed = await (await Answer(other, closing.Id, Full(5, 10))).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("survey-closed", closed.Code);
        await (await Answer("planner", (await OpenSurvey()).Id, Full(5, 10))).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Each_answer_is_checked_against_its_question()
    {
        var s = await OpenSurvey();
        var problem = await (await Answer(await NewMember(), s.Id,
            new { value = 6 }, null, new { value = 3 }, new { values = new[] { 1, 1 } })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["answers[0]", "answers[1]", "answers[2]", "answers[3]"], problem.Fields.Order());
        Assert.Contains("1 到 5", problem.Errors!["answers[0]"].Single()); // zh-CN, the default culture
        Assert.Equal(0, (await Results(s.Id)).Responses);
    }

    [Fact]
    public async Task Results_give_the_distribution_csat_nps_and_response_rate_of_known_answers()
    {
        var members = new List<string>();
        for (var i = 0; i < 10; i++) members.Add(await NewMember());
        var activity = await LiveActivity(ParticipationPlans.OpenNow(), [.. members]);
        var s = await OpenSurvey(activity, "Participants", purpose: "Satisfaction");
        var empty = await Results(s.Id);
        Assert.Equal((0, null, null), (empty.Responses, empty.Csat, empty.Nps));
        Assert.Equal(0, empty.ResponseRate);

        int[] ratings = [5, 4, 3, 2, 5];
        int[] scores = [10, 10, 9, 7, 3];
        for (var i = 0; i < 5; i++)
            await (await Answer(members[i], s.Id, Full(ratings[i], scores[i], choice: i % 2))).ShouldBe(HttpStatusCode.Created);

        var r = await Results(s.Id);
        Assert.Equal(5, r.Responses);
        Assert.Equal(10, r.AudienceSize);
        Assert.Equal(0.5, r.ResponseRate);
        Assert.Equal(0.6, r.Questions[0].Csat!.Value, 3);        // 5, 4, 5 of five ratings
        Assert.Equal(40, r.Questions[1].Nps!.Value, 3);          // (3 promoters − 1 detractor) ÷ 5
        Assert.Equal(0.6, r.Csat!.Value, 3);
        Assert.Equal(40, r.Nps!.Value, 3);
        Assert.Equal([0, 1, 1, 1, 2], r.Questions[0].Distribution.Select(d => d.Count));
        Assert.Equal(40, r.Questions[0].Distribution[4].Percent);
        var choice = r.Questions[2].Distribution;
        Assert.Equal(("直播", 3, 60.0), (choice[0].Label, choice[0].Count, choice[0].Percent));
        Assert.Equal(5, r.Questions[3].Distribution[0].Count);
        Assert.Equal(5, r.Questions[4].Texts.Count);

        using var scope = App.Services.CreateScope();
        var figures = await scope.ServiceProvider.GetRequiredService<ISatisfactionSource>().ForAsync(activity, 10, Ct);
        Assert.Equal(0.6, figures.Csat!.Value, 3);
        Assert.Equal(40, figures.Nps!.Value, 3);
        Assert.Equal(5, figures.Responses);
        Assert.Equal(0.5, figures.ResponseRate);
        Assert.Null((await scope.ServiceProvider.GetRequiredService<ISatisfactionSource>().ForAsync(activity, 0, Ct)).ResponseRate);
        Assert.Equal(SatisfactionFigures.None, await scope.ServiceProvider.GetRequiredService<ISatisfactionSource>().ForAsync(Guid.NewGuid(), 3, Ct));
    }

    [Fact]
    public async Task The_csv_export_has_a_row_per_response_with_the_option_texts()
    {
        var s = await OpenSurvey();
        var member = await NewMember();
        await (await Answer(member, s.Id, Full(5, 9, choice: 1))).ShouldBe(HttpStatusCode.Created);
        var response = await (await Planner).GetAsync($"/api/surveys/{s.Id}/export?format=csv", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("Q1. 总体满意度,Q2. 推荐意愿,Q3. 最喜欢的环节,Q4. 你从哪里得知,Q5. 建议", lines[0]);
        Assert.EndsWith($"{await App.UserIdAsync(member)},5,9,问答,公告; 群聊,多办直播", lines[1]);

        var xlsx = await (await Planner).GetAsync($"/api/surveys/{s.Id}/export?format=xlsx", Ct);
        await xlsx.ShouldBe(HttpStatusCode.OK);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal((byte)'P', bytes[0]); // a zip
        await (await (await Planner).GetAsync($"/api/surveys/{s.Id}/export?format=pdf", Ct)).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Personal_answers_are_stored_encrypted_and_masked_for_staff_who_are_not_cleared()
    {
        var s = await OpenSurvey(questions: [Question("FreeText", "联系方式（可选）", personal: true)]);
        await (await Answer(await NewMember(), s.Id, new { text = "13912345678" })).ShouldBe(HttpStatusCode.Created);
        var stored = await App.WithDb(db => db.Set<SurveyAnswer>().AsNoTracking().SingleAsync(a => a.SurveyId == s.Id, Ct));
        Assert.DoesNotContain("13912345678", stored.Text);

        var uncleared = await App.CreateStaffAsync("head-new", onboarded: false, Roles.CommunityHead);
        var masked = await Results(s.Id, uncleared);
        Assert.True(masked.Questions[0].Masked);
        Assert.DoesNotContain("13912345678", masked.Questions[0].Texts);
        Assert.Equal(["13912345678"], (await Results(s.Id)).Questions[0].Texts);
    }
}

public sealed class SurveysApiTests_Sqlite(SqliteApp app) : SurveysApiTests(app), IClassFixture<SqliteApp>;
public sealed class SurveysApiTests_Postgres(PostgresApp app) : SurveysApiTests(app), IClassFixture<PostgresApp>;
