using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Participation;

namespace Huodong.Tests.Api;

/// <summary>
/// E2.3: members discuss and ask; staff answer questions officially and promptly (the unanswered list, oldest first);
/// likes count once per member.
/// </summary>
public abstract class DiscussionApiTests(TestApp app) : ParticipationTests(app)
{
    private sealed record Posted(Guid Id, Guid? ParentId, string Body, bool IsQuestion, bool IsOfficial);
    private sealed record CommentItem(Guid Id, Guid? ParentId, string Author, string Body, bool IsQuestion, bool IsOfficial,
        DateTimeOffset? AnsweredAt, int Likes, bool LikedByMe);
    private sealed record LikeAnswer(int Likes, bool Liked);

    private async Task<HttpResponseMessage> Post(string account, Guid id, string body, Guid? parentId = null, bool isQuestion = false) =>
        await (await App.As(account)).PostJson($"/api/activities/{id}/comments", new { body, parentId, isQuestion });

    private async Task<Posted> Posts(string account, Guid id, string body, Guid? parentId = null, bool isQuestion = false) =>
        await (await Post(account, id, body, parentId, isQuestion)).Expect<Posted>(HttpStatusCode.Created);

    private async Task<List<CommentItem>> Unanswered(Guid id, string by = "planner") =>
        (await (await (await App.As(by)).GetAsync($"/api/activities/{id}/questions/unanswered", Ct)).Expect<Page<CommentItem>>(HttpStatusCode.OK)).Items;

    private async Task<List<CommentItem>> Thread(Guid id, string by) =>
        (await (await (await App.As(by)).GetAsync($"/api/activities/{id}/comments", Ct)).Expect<Page<CommentItem>>(HttpStatusCode.OK)).Items;

    private async Task<LikeAnswer> Like(string account, Guid commentId) =>
        await (await (await App.As(account)).PostJson($"/api/comments/{commentId}/like", null)).Expect<LikeAnswer>(HttpStatusCode.OK);

    private async Task<LikeAnswer> Unlike(string account, Guid commentId) =>
        await (await (await App.As(account)).DeleteAsync($"/api/comments/{commentId}/like", Ct)).Expect<LikeAnswer>(HttpStatusCode.OK);

    [Fact]
    public async Task Members_questions_wait_in_the_unanswered_list_oldest_first()
    {
        var id = await OpenActivity();

        var first = await Posts("member71", id, "几点开始直播？", isQuestion: true);
        await Posts("member72", id, "期待！"); // not a question
        var second = await Posts("member72", id, "奖品怎么发放？", isQuestion: true);

        Assert.True(first.IsQuestion);
        Assert.False(first.IsOfficial);
        Assert.Equal([first.Id, second.Id], (await Unanswered(id)).Select(q => q.Id));
    }

    [Fact]
    public async Task A_staff_reply_to_a_question_is_the_official_answer_and_tells_the_asker()
    {
        var id = await OpenActivity();
        var question = await Posts("member73", id, "需要提前下载 App 吗？", isQuestion: true);
        var other = await Posts("member74", id, "可以回放吗？", isQuestion: true);

        var answer = await Posts("planner", id, "不需要，网页即可观看。", parentId: question.Id);

        Assert.True(answer.IsOfficial);
        Assert.False(answer.IsQuestion);
        Assert.Equal([other.Id], (await Unanswered(id)).Select(q => q.Id));
        var thread = await Thread(id, "member73");
        Assert.NotNull(thread.Single(c => c.Id == question.Id).AnsweredAt);
        Assert.Equal(question.Id, thread.Single(c => c.Id == answer.Id).ParentId);
        Assert.Single(await Notifications("member73", id), n => n.Kind == NotificationKind.QuestionAnswered);
        Assert.DoesNotContain(await Notifications("member74", id), n => n.Kind == NotificationKind.QuestionAnswered);
        Assert.Contains(await Events(id), e => e.Kind == ActivityEventKind.Answered && e.SubjectId == answer.Id);
    }

    [Fact]
    public async Task A_second_staff_answer_does_not_notify_the_asker_again()
    {
        var id = await OpenActivity();
        var question = await Posts("member75", id, "几点开始？", isQuestion: true);
        await Posts("planner", id, "晚上八点。", parentId: question.Id);

        await Posts("moderator", id, "补充：提前十分钟进场。", parentId: question.Id);

        Assert.Single(await Notifications("member75", id), n => n.Kind == NotificationKind.QuestionAnswered);
    }

    [Fact]
    public async Task A_members_reply_to_a_question_does_not_answer_it()
    {
        var id = await OpenActivity();
        var question = await Posts("member76", id, "有直播回放吗？", isQuestion: true);

        var reply = await Posts("member77", id, "我也想知道", parentId: question.Id);

        Assert.False(reply.IsOfficial);
        Assert.Equal([question.Id], (await Unanswered(id)).Select(q => q.Id));
        Assert.DoesNotContain(await Notifications("member76", id), n => n.Kind == NotificationKind.QuestionAnswered);
    }

    [Fact]
    public async Task Members_may_not_read_the_unanswered_list()
    {
        var id = await OpenActivity();

        await (await (await App.As("member78")).GetAsync($"/api/activities/{id}/questions/unanswered", Ct)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_like_counts_once_per_member_and_can_be_taken_back()
    {
        var id = await OpenActivity();
        var comment = await Posts("member79", id, "这个活动太棒了");

        var once = await Like("member80", comment.Id);
        var twice = await Like("member80", comment.Id);
        var another = await Like("member81", comment.Id);
        var thread = await Thread(id, "member80");
        var back = await Unlike("member80", comment.Id);
        var backAgain = await Unlike("member80", comment.Id);

        Assert.Equal((1, true), (once.Likes, once.Liked));
        Assert.Equal(1, twice.Likes);
        Assert.Equal(2, another.Likes);
        Assert.True(thread.Single().LikedByMe);
        Assert.Equal((1, false), (back.Likes, back.Liked));
        Assert.Equal(1, backAgain.Likes);
        Assert.False((await Thread(id, "member80")).Single().LikedByMe);
        Assert.Equal(2, (await Events(id)).Count(e => e.Kind == ActivityEventKind.Liked));
    }

    [Fact]
    public async Task Ten_racing_likes_by_one_member_count_once()
    {
        var id = await OpenActivity();
        var comment = await Posts("member82", id, "冲冲冲");
        var client = await App.As("member83");

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await client.PostJson($"/api/comments/{comment.Id}/like", null);
        })).ToArray();
        start.SetResult();
        var answers = await Task.WhenAll(racers);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, (await Thread(id, "member82")).Single().Likes);
        Assert.Single(await Events(id), e => e.Kind == ActivityEventKind.Liked);
    }

    [Fact]
    public async Task Liking_a_comment_that_does_not_exist_is_404()
    {
        await (await (await App.As("member84")).PostJson($"/api/comments/{Guid.NewGuid()}/like", null)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Members_cannot_comment_on_or_read_an_activity_they_cannot_see()
    {
        var draft = await CreateDraft(ParticipationPlans.OpenNow());
        var inReview = await InHeadReview(ParticipationPlans.OpenNow());

        foreach (var id in new[] { draft.Id, inReview.Id })
        {
            await (await Post("member85", id, "你好")).ShouldBe(HttpStatusCode.NotFound);
            await (await (await App.As("member85")).GetAsync($"/api/activities/{id}/comments", Ct)).ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task An_empty_comment_is_400(string? body)
    {
        var id = await OpenActivity();

        Assert.Contains("body", (await (await Post("member86", id, body!)).ExpectProblem(HttpStatusCode.BadRequest)).Fields);
    }

    [Fact]
    public async Task A_comment_over_five_thousand_characters_is_400_and_one_of_exactly_five_thousand_is_fine()
    {
        var id = await OpenActivity();

        Assert.Contains("body", (await (await Post("member86", id, new string('长', 5001))).ExpectProblem(HttpStatusCode.BadRequest)).Fields);
        await (await Post("member86", id, new string('长', 5000))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_reply_to_a_comment_of_another_activity_is_400()
    {
        var id = await OpenActivity();
        var elsewhere = await Posts("member87", await OpenActivity(), "别处的评论");

        Assert.Contains("parentId", (await (await Post("member87", id, "回复", elsewhere.Id)).ExpectProblem(HttpStatusCode.BadRequest)).Fields);
    }

    [Fact]
    public async Task The_discussion_of_a_cancelled_activity_is_closed()
    {
        var id = await OpenActivity();
        await (await (await Planner).PostJson($"/api/activities/{id}/cancel", new { reason = "场地问题" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("discussion-closed", (await (await Post("member88", id, "还办吗？")).ExpectProblem(HttpStatusCode.UnprocessableEntity)).Code);
    }
}

public sealed class DiscussionApiTests_Sqlite(SqliteApp app) : DiscussionApiTests(app), IClassFixture<SqliteApp>;
public sealed class DiscussionApiTests_Postgres(PostgresApp app) : DiscussionApiTests(app), IClassFixture<PostgresApp>;
