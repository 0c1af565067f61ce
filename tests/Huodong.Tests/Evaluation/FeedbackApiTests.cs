using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Evaluation;
using Huodong.Web.Evaluation.Feedback;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Evaluation;

public sealed record FeedbackMessageDto(Guid Id, bool FromStaff, string Author, string Body, DateTimeOffset CreatedAt);
public sealed record FeedbackThreadDto(Guid Id, Guid ActivityId, string ActivityTitle, string Member, string Body, bool Answered,
    List<FeedbackMessageDto> Replies);

/// <summary>V2.3: private feedback from a member to an activity's team, the team's replies, and who may read them.</summary>
public abstract class FeedbackApiTests(TestApp app) : ParticipationTests(app)
{
    private async Task<HttpResponseMessage> Send(string member, Guid activityId, string body) =>
        await (await App.As(member)).PostJson($"/api/activities/{activityId}/feedback", new { body });

    [Fact]
    public async Task A_member_sends_feedback_the_team_replies_and_the_member_reads_the_reply_and_is_told()
    {
        var id = await OpenActivity();
        var member = await App.CreateStaffAsync("fb", Roles.Member);
        var thread = await (await Send(member, id, "希望直播时间能晚一点。")).Expect<FeedbackThreadDto>(HttpStatusCode.Created);
        Assert.False(thread.Answered);
        var stored = await App.WithDb(db => db.Set<FeedbackThread>().AsNoTracking().SingleAsync(t => t.Id == thread.Id, Ct));
        Assert.DoesNotContain("直播", stored.Body); // encrypted at rest

        var inbox = await (await (await Planner).GetAsync($"/api/activities/{id}/feedback", Ct)).Expect<Page<FeedbackThreadDto>>(HttpStatusCode.OK);
        Assert.Equal("希望直播时间能晚一点。", Assert.Single(inbox.Items).Body);
        await (await (await Planner).PostJson($"/api/feedback/{thread.Id}/replies", new { body = "收到，下次调整。" })).ShouldBe(HttpStatusCode.Created);

        var mine = await (await (await App.As(member)).GetAsync("/api/me/feedback", Ct)).Expect<Page<FeedbackThreadDto>>(HttpStatusCode.OK);
        var read = Assert.Single(mine.Items);
        Assert.True(read.Answered);
        Assert.Equal("收到，下次调整。", Assert.Single(read.Replies).Body);
        Assert.True(Assert.Single(read.Replies).FromStaff);
        Assert.Single(await Notifications(member, id), n => n.Kind == NotificationKind.FeedbackReplied);
        var overall = await (await (await Head).GetAsync("/api/feedback", Ct)).Expect<Page<FeedbackThreadDto>>(HttpStatusCode.OK);
        Assert.Contains(overall.Items, t => t.Id == thread.Id);
    }

    [Fact]
    public async Task Nobody_else_reads_a_thread_and_members_write_only_about_activities_they_can_see()
    {
        var id = await OpenActivity();
        var (author, other) = (await App.CreateStaffAsync("fb", Roles.Member), await App.CreateStaffAsync("fb", Roles.Member));
        var thread = await (await Send(author, id, "报名表太长了。")).Expect<FeedbackThreadDto>(HttpStatusCode.Created);

        await (await (await App.As(other)).GetAsync($"/api/feedback/{thread.Id}", Ct)).ShouldBe(HttpStatusCode.NotFound);
        await (await (await App.As(other)).PostJson($"/api/feedback/{thread.Id}/replies", new { body = "偷看" })).ShouldBe(HttpStatusCode.NotFound);
        Assert.Empty((await (await (await App.As(other)).GetAsync("/api/me/feedback", Ct)).Expect<Page<FeedbackThreadDto>>(HttpStatusCode.OK)).Items);
        await (await (await Planner2).GetAsync($"/api/feedback/{thread.Id}", Ct)).ShouldBe(HttpStatusCode.NotFound);   // not on the team
        await (await (await App.As(other)).GetAsync($"/api/activities/{id}/feedback", Ct)).ShouldBe(HttpStatusCode.Forbidden);

        var draft = await CreateDraft();
        await (await Send(author, draft.Id, "看不到的活动")).ShouldBe(HttpStatusCode.NotFound);
        var empty = await (await Send(author, id, "  ")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("body", empty.Fields);
    }

    [Fact]
    public async Task The_feedback_source_counts_threads_and_those_staff_answered()
    {
        var id = await OpenActivity();
        var member = await App.CreateStaffAsync("fb", Roles.Member);
        var first = await (await Send(member, id, "一")).Expect<FeedbackThreadDto>(HttpStatusCode.Created);
        var second = await (await Send(member, id, "二")).Expect<FeedbackThreadDto>(HttpStatusCode.Created);
        await (await Send(member, id, "三")).ShouldBe(HttpStatusCode.Created);
        await (await (await App.As(member)).PostJson($"/api/feedback/{second.Id}/replies", new { body = "补充" })).ShouldBe(HttpStatusCode.Created);
        await (await (await Planner).PostJson($"/api/feedback/{first.Id}/replies", new { body = "好的" })).ShouldBe(HttpStatusCode.Created);

        using var scope = App.Services.CreateScope();
        var source = scope.ServiceProvider.GetRequiredService<IFeedbackSource>();
        Assert.Equal(new FeedbackFigures(3, 1), await source.ForAsync(id, Ct));
        Assert.Equal(FeedbackFigures.None, await source.ForAsync(Guid.NewGuid(), Ct));
    }
}

public sealed class FeedbackApiTests_Sqlite(SqliteApp app) : FeedbackApiTests(app), IClassFixture<SqliteApp>;
public sealed class FeedbackApiTests_Postgres(PostgresApp app) : FeedbackApiTests(app), IClassFixture<PostgresApp>;
