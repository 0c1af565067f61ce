using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Conduct;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Conduct;

/// <summary>
/// M3.2 through the API: the lexicon (moderators only), and what members' posts meet — blocked with 422 naming the
/// category, held with 202 and hidden until approved, flagged with 201 and a case; nicknames and submissions too.
/// Each test uses terms of its own: the lexicon is shared by the class's app.
/// </summary>
public abstract class ConductApiTests(TestApp app) : ParticipationTests(app)
{
    protected sealed record Posted(Guid Id, string Body, bool Held);
    protected sealed record CommentItem(Guid Id, string Body, bool Held);

    protected static string NewTerm() => "zz" + Guid.NewGuid().ToString("N")[..8];

    protected async Task<HttpResponseMessage> AddTerm(string term, string action, string? category = null, string by = "moderator") =>
        await (await App.As(by)).PostJson("/api/conduct/terms", new { term, action, category });

    protected async Task<HttpResponseMessage> Comment(string member, Guid activityId, string body) =>
        await (await App.As(member)).PostJson($"/api/activities/{activityId}/comments", new { body });

    protected async Task<List<CommentItem>> Thread(Guid id, string by) =>
        (await (await (await App.As(by)).GetAsync($"/api/activities/{id}/comments", Ct)).Expect<Page<CommentItem>>(HttpStatusCode.OK)).Items;

    protected async Task<List<CaseView>> Queue(string by = "moderator", Guid? activityId = null) =>
        (await (await (await App.As(by)).GetAsync($"/api/moderation/cases?pageSize=200{(activityId is { } a ? $"&activityId={a}" : "")}", Ct))
            .Expect<Page<CaseView>>(HttpStatusCode.OK)).Items;

    [Fact]
    public async Task Moderators_add_and_list_terms_and_members_may_not()
    {
        var term = NewTerm();
        await (await AddTerm(term, "Block", "Abuse", by: "member101")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await App.As("member101")).GetAsync("/api/conduct/terms", Ct)).ShouldBe(HttpStatusCode.Forbidden);

        await (await AddTerm(term, "Block", "Abuse")).ShouldBe(HttpStatusCode.Created);
        await (await AddTerm(term.ToUpperInvariant(), "Hold", by: "admin")).ShouldBe(HttpStatusCode.Conflict); // same once normalized
        var bad = await (await AddTerm("", "Sometimes")).ExpectProblem(HttpStatusCode.BadRequest);
        var list = await (await (await App.As("admin")).GetAsync("/api/conduct/terms", Ct)).Read<Page<TermView>>();

        Assert.Equal(["action", "term"], bad.Fields.Order());
        Assert.Contains(list.Items, t => t.Term == term && t.Action == ConductAction.Block && t.Category == ConductCategory.Abuse);
        Assert.Contains(list.Items, t => t.Term == "赌博"); // the demo's starter lexicon
    }

    [Fact]
    public async Task A_comment_with_a_block_term_is_refused_naming_the_category_but_not_the_term()
    {
        var id = await OpenActivity();
        var term = NewTerm();
        await (await AddTerm(term, "Block", "Abuse")).ShouldBe(HttpStatusCode.Created);

        var zh = await (await Comment("member102", id, $"你这个 {term}！")).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        var spaced = await (await Comment("member102", id, $"你这个 {string.Join(" ", term.ToUpperInvariant().ToCharArray())}"))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity);
        var en = await (await (await App.As("member102")).SendJson(HttpMethod.Post, $"/api/activities/{id}/comments",
            new { body = $"you {term}" }, acceptLanguage: "en")).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("content-blocked", zh.Code);
        Assert.Contains("辱骂攻击", zh.Title);
        Assert.DoesNotContain(term, zh.Title);
        Assert.Equal("content-blocked", spaced.Code);
        Assert.Contains("Abuse", en.Title);
        Assert.Empty(await Thread(id, "member102"));
    }

    [Fact]
    public async Task The_starter_lexicon_blocks_its_terms_in_traditional_and_full_width_forms()
    {
        var id = await OpenActivity();

        var problem = await (await Comment("member103", id, "一起來 賭 博 吧")).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        await (await Comment("member103", id, "这个活动太棒了，期待下一次！")).ShouldBe(HttpStatusCode.Created);

        Assert.Equal("content-blocked", problem.Code);
        Assert.Contains("违法信息", problem.Title);
    }

    [Fact]
    public async Task A_held_comment_is_seen_only_by_its_author_until_a_moderator_approves_it()
    {
        var id = await OpenActivity();
        var term = NewTerm();
        await (await AddTerm(term, "Hold", "Advertising")).ShouldBe(HttpStatusCode.Created);

        var held = await (await Comment("member104", id, $"看看 {term} 吧")).Expect<Posted>(HttpStatusCode.Accepted);
        var byOthers = await Thread(id, "member105");
        var byAuthor = await Thread(id, "member104");
        var @case = Assert.Single(await Queue(activityId: id));

        Assert.True(held.Held);
        Assert.Empty(byOthers);
        Assert.True(Assert.Single(byAuthor).Held);
        Assert.Equal((CaseSubject.Comment, held.Id, true, ConductCategory.Advertising), (@case.Subject, @case.SubjectId, @case.ContentHeld, @case.Category));
        Assert.Equal($"看看 {term} 吧", @case.Evidence); // nothing the member typed is lost

        await (await (await App.As("moderator")).PostJson($"/api/moderation/cases/{@case.Id}/decision", new { decision = "dismiss" }))
            .ShouldBe(HttpStatusCode.OK);

        Assert.Equal([held.Id], (await Thread(id, "member105")).Select(c => c.Id));
        Assert.Contains(await Notifications("member104", id), n => n.Kind == NotificationKind.ContentApproved);
        Assert.Empty(await Queue(activityId: id));
    }

    [Fact]
    public async Task A_flagged_comment_is_posted_and_opens_a_case()
    {
        var id = await OpenActivity();
        var term = NewTerm();
        await (await AddTerm(term, "Flag", "Cheating")).ShouldBe(HttpStatusCode.Created);

        var posted = await (await Comment("member106", id, $"有人 {term} 吗")).Expect<Posted>(HttpStatusCode.Created);

        Assert.Equal([posted.Id], (await Thread(id, "member107")).Select(c => c.Id));
        var @case = Assert.Single(await Queue(activityId: id));
        Assert.Equal((ConductCategory.Cheating, false, "term"), (@case.Category, @case.ContentHeld, @case.Rule));
        Assert.Equal(CaseDecision.Disqualify, @case.Suggested.Action); // the guideline table: cheating → disqualify
    }

    [Fact]
    public async Task The_same_text_posted_again_and_again_is_held_as_flooding()
    {
        var id = await OpenActivity();

        await (await Comment("member108", id, "快来看看我的作品呀")).ShouldBe(HttpStatusCode.Created);
        await (await Comment("member108", id, "快来看看 我的作品呀！")).ShouldBe(HttpStatusCode.Created);
        var third = await (await Comment("member108", id, "快来看看我的作品呀!!")).Expect<Posted>(HttpStatusCode.Accepted);

        var @case = Assert.Single(await Queue(activityId: id));
        Assert.Equal((ConductCategory.Flooding, "flood-repeat", third.Id), (@case.Category, @case.Rule, @case.SubjectId));
    }

    [Fact]
    public async Task More_than_ten_posts_a_minute_are_refused_as_flooding()
    {
        var id = await OpenActivity();
        for (var i = 1; i <= 10; i++)
            await (await Comment("member112", id, $"第 {i} 条：" + new string((char)('a' + i), i))).ShouldBe(HttpStatusCode.Created);

        var problem = await (await Comment("member112", id, "第十一条完全不同的内容")).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("content-blocked", problem.Code);
        Assert.Contains("恶意刷屏", problem.Title);
        await (await Comment("member113", id, "别人照常发言")).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_held_reply_is_stored_but_not_accepted_until_approved()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0), "member109");
        var term = NewTerm();
        await (await AddTerm(term, "Hold", "Abuse")).ShouldBe(HttpStatusCode.Created);

        var response = await (await App.As("member109")).PostJson($"/api/activities/{id}/submissions", new { content = $"打卡 {term}" });
        await response.ShouldBe(HttpStatusCode.Accepted);
        var stored = await App.WithDb(db => db.Submissions.AsNoTracking().SingleAsync(s => s.ActivityId == id, Ct));
        Assert.Equal(SubmissionStatus.Held, stored.Status);
        Assert.DoesNotContain(await Notifications("member109", id), n => n.Kind == NotificationKind.ReplyAccepted);

        var @case = Assert.Single(await Queue(activityId: id));
        await (await (await App.As("moderator")).PostJson($"/api/moderation/cases/{@case.Id}/decision", new { decision = "dismiss" }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal(SubmissionStatus.Accepted,
            (await App.WithDb(db => db.Submissions.AsNoTracking().SingleAsync(s => s.ActivityId == id, Ct))).Status);
    }

    [Fact]
    public async Task A_blocked_reply_is_refused()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0), "member110");

        var problem = await (await (await App.As("member110")).PostJson($"/api/activities/{id}/submissions", new { content = "打卡 傻 逼" }))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("content-blocked", problem.Code);
        Assert.False(await App.WithDb(db => db.Submissions.AnyAsync(s => s.ActivityId == id, Ct)));
    }

    [Fact]
    public async Task A_blocked_nickname_is_refused_and_a_held_one_waits_for_review()
    {
        var term = NewTerm();
        await (await AddTerm(term, "Hold", "Abuse")).ShouldBe(HttpStatusCode.Created);
        var member = await App.As("member111");

        var blocked = await (await member.PutJson("/api/me/profile", new { nickname = "傻逼王" })).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        await (await member.PutJson("/api/me/profile", new { nickname = $"{term}王" })).ShouldBe(HttpStatusCode.Accepted);
        var memberId = await App.UserIdAsync("member111");
        var name = await App.WithDb(db => db.Users.Where(u => u.Id == memberId).Select(u => u.DisplayName).SingleAsync(Ct));
        var @case = (await Queue()).Single(c => c.Subject == CaseSubject.Nickname && c.MemberId == memberId);

        Assert.Equal("content-blocked", blocked.Code);
        Assert.Equal("会员111", name);
        Assert.Equal($"{term}王", @case.Evidence);
    }
}

public sealed class ConductApiTests_Sqlite(SqliteApp app) : ConductApiTests(app), IClassFixture<SqliteApp>;
public sealed class ConductApiTests_Postgres(PostgresApp app) : ConductApiTests(app), IClassFixture<PostgresApp>;
