using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Huodong.Tests.Builders;
using Huodong.Tests.Evaluation;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Evaluation.Feedback;
using Huodong.Web.People;
using Huodong.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Api;

/// <summary>
/// PIPL arts. 45 and 47 for what a member writes in surveys and feedback: the download holds their answers (decrypted,
/// beside the question texts) and their feedback threads; erasure leaves none of their text in the database, sealed or
/// plain, while survey results (responses, ratings, CSAT) and feedback counts stay as they were.
/// </summary>
public abstract class MemberEvaluationDataTests(TestApp app) : ParticipationTests(app)
{
    private sealed record Setup(string Email, HttpClient Client, Guid Activity, Guid Named, Guid Anonymous, Guid Thread,
        Dictionary<string, string> Texts);

    private static object Question(string type, string text, bool personal = false) =>
        new { type, text, required = false, options = (string[]?)null, personal };

    private async Task<Guid> OpenSurvey(string title, bool anonymous, params object[] questions)
    {
        var client = await Planner;
        var s = await (await client.PostJson("/api/surveys", new { title, purpose = "Other", audience = "AllMembers", anonymous, questions }))
            .Expect<SurveyDto>(HttpStatusCode.Created);
        await (await client.PostJson($"/api/surveys/{s.Id}/open", null)).ShouldBe(HttpStatusCode.OK);
        return s.Id;
    }

    private async Task<Setup> MemberWhoAnsweredAndWrote()
    {
        var n = RandomNumberGenerator.GetHexString(8);
        var texts = new Dictionary<string, string>
        {
            ["personal answer"] = $"我的私人回答{n}",
            ["plain answer"] = $"我的公开建议{n}",
            ["anonymous answer"] = $"匿名建议{n}",
            ["feedback"] = $"私下反馈内容{n}",
            ["member reply"] = $"会员追问{n}",
        };
        var email = await App.CreateStaffAsync("pipl-eval", Roles.Member);
        var client = await App.As(email);
        var activity = await OpenActivity();
        var named = await OpenSurvey("活动体验调研", false,
            Question("Rating", "总体满意度"), Question("FreeText", "联系方式备注", personal: true), Question("FreeText", "建议"));
        var anonymous = await OpenSurvey("匿名意见箱", true, Question("Rating", "满意度"), Question("FreeText", "想说的话"));
        await (await client.PostJson($"/api/surveys/{named}/responses", new
        {
            answers = new object[] { new { value = 5 }, new { text = texts["personal answer"] }, new { text = texts["plain answer"] } },
        })).ShouldBe(HttpStatusCode.Created);
        await (await client.PostJson($"/api/surveys/{anonymous}/responses", new
        {
            answers = new object[] { new { value = 4 }, new { text = texts["anonymous answer"] } },
        })).ShouldBe(HttpStatusCode.Created);
        // Another member's answers: the results are more than this member's.
        var other = await App.As("member33");
        await (await other.PostJson($"/api/surveys/{named}/responses", new { answers = new object[] { new { value = 2 }, null, new { text = "别人的建议" } } }))
            .ShouldBe(HttpStatusCode.Created);

        var thread = await (await client.PostJson($"/api/activities/{activity}/feedback", new { body = texts["feedback"] }))
            .Expect<FeedbackThreadView>(HttpStatusCode.Created);
        await (await (await Planner).PostJson($"/api/feedback/{thread.Id}/replies", new { body = "感谢反馈，我们会改进。" })).ShouldBe(HttpStatusCode.Created);
        await (await client.PostJson($"/api/feedback/{thread.Id}/replies", new { body = texts["member reply"] })).ShouldBe(HttpStatusCode.Created);
        return new Setup(email, client, activity, named, anonymous, thread.Id, texts);
    }

    [Fact]
    public async Task The_download_holds_the_members_survey_answers_beside_the_questions_and_their_feedback_threads()
    {
        var s = await MemberWhoAnsweredAndWrote();

        var json = JsonDocument.Parse(await (await s.Client.GetAsync("/api/me/data", Ct)).Content.ReadAsStringAsync(Ct)).RootElement;

        var surveys = json.GetProperty("surveys").EnumerateArray().ToList();
        Assert.Equal(2, surveys.Count);
        var named = surveys.Single(x => x.GetProperty("surveyId").GetGuid() == s.Named);
        Assert.Equal("活动体验调研", named.GetProperty("survey").GetString());
        var answers = named.GetProperty("answers").EnumerateArray()
            .ToDictionary(a => a.GetProperty("question").GetString()!, a => a.GetProperty("answer").GetString());
        Assert.Equal("5", answers["总体满意度"]);
        Assert.Equal(s.Texts["personal answer"], answers["联系方式备注"]); // decrypted
        Assert.Equal(s.Texts["plain answer"], answers["建议"]);
        var anonymous = surveys.Single(x => x.GetProperty("surveyId").GetGuid() == s.Anonymous);
        Assert.True(anonymous.GetProperty("anonymous").GetBoolean());
        Assert.Contains(anonymous.GetProperty("answers").EnumerateArray(), a => a.GetProperty("answer").GetString() == s.Texts["anonymous answer"]);

        var thread = Assert.Single(json.GetProperty("feedback").EnumerateArray());
        Assert.Equal(s.Texts["feedback"], thread.GetProperty("body").GetString());
        var replies = thread.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("body").GetString()).ToList();
        Assert.Equal(["感谢反馈，我们会改进。", s.Texts["member reply"]], replies);
    }

    [Fact]
    public async Task After_erasure_none_of_the_members_text_is_in_the_database_and_results_and_counts_are_unchanged()
    {
        var s = await MemberWhoAnsweredAndWrote();
        var namedBefore = await Results(s.Named);
        var anonymousBefore = await Results(s.Anonymous);
        var inboxBefore = await Inbox(s.Activity);

        using (var erase = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password = TestApp.DemoPassword }) })
            await (await s.Client.SendAsync(erase, Ct)).ShouldBe(HttpStatusCode.NoContent);

        // Every text value of these tables, read raw and decrypted where sealed: none holds what the member wrote.
        var stored = await StoredTexts();
        Assert.NotEmpty(stored);
        foreach (var text in s.Texts.Values)
            Assert.DoesNotContain(stored, v => v.Contains(text, StringComparison.Ordinal));
        Assert.Contains(stored, v => v == MemberData.ErasedText);

        var namedAfter = await Results(s.Named);
        Assert.Equal((namedBefore.Responses, namedBefore.Csat), (namedAfter.Responses, namedAfter.Csat));
        Assert.Equal(namedBefore.Questions.Select(q => q.Answered), namedAfter.Questions.Select(q => q.Answered));
        var anonymousAfter = await Results(s.Anonymous);
        Assert.Equal((anonymousBefore.Responses, anonymousBefore.Csat), (anonymousAfter.Responses, anonymousAfter.Csat));
        var inboxAfter = await Inbox(s.Activity);
        Assert.Equal(inboxBefore.Count, inboxAfter.Count);
        var thread = inboxAfter.Single(t => t.Id == s.Thread);
        Assert.Equal(MemberData.ErasedText, thread.Body);
        Assert.True(thread.Answered);
        Assert.Equal(2, thread.Replies.Count);
        Assert.All(thread.Replies, r => Assert.Equal(MemberData.ErasedText, r.Body));
    }

    private async Task<ResultsDto> Results(Guid survey) =>
        await (await (await Planner).GetAsync($"/api/surveys/{survey}/results", Ct)).Expect<ResultsDto>(HttpStatusCode.OK);

    private sealed record InboxDto(List<FeedbackThreadView> Items, int Total);

    private async Task<List<FeedbackThreadView>> Inbox(Guid activity) =>
        (await (await (await Planner).GetAsync($"/api/activities/{activity}/feedback", Ct)).Expect<InboxDto>(HttpStatusCode.OK)).Items;

    private Task<List<string>> StoredTexts() => App.WithDb(async db =>
    {
        var protector = App.Services.GetRequiredService<FieldProtector>();
        var all = new List<string>();
        foreach (var (table, column) in new[]
                 {
                     ("SurveyAnswers", "Text"), ("FeedbackThreads", "Body"), ("FeedbackReplies", "Body"),
                     ("Comments", "Body"), ("AuditEntries", "Data"), ("Notifications", "ArgsJson"),
                 })
        {
#pragma warning disable EF1002 // fixed names
            var values = await db.Database.SqlQueryRaw<string>(
                $"SELECT \"{column}\" AS \"Value\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL").ToListAsync(Ct);
#pragma warning restore EF1002
            foreach (var v in values)
            {
                all.Add(v);
                if (!protector.IsProtected(v)) continue;
                foreach (var purpose in new[] { "survey.answer", FeedbackInbox.Purpose })
                    try { all.Add(protector.Decrypt(v, purpose)); } catch (CryptographicException) { }
            }
        }
        return all;
    });
}

public sealed class MemberEvaluationDataTests_Sqlite(SqliteApp app) : MemberEvaluationDataTests(app), IClassFixture<SqliteApp>;
public sealed class MemberEvaluationDataTests_Postgres(PostgresApp app) : MemberEvaluationDataTests(app), IClassFixture<PostgresApp>;
