using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>
/// E2.4 and the member's inbox: every participation action leaves an activity event of its kind, the live counts
/// add them up, and members are told what happened to them in their own language.
/// </summary>
public abstract class ActivityFeedApiTests(TestApp app) : ParticipationTests(app)
{
    private sealed record Counts(int Confirmed, int Waitlisted, int? Capacity, Dictionary<string, int> Events, int UnansweredQuestions);
    private sealed record Posted(Guid Id);
    private sealed record MySubmission(Guid Id, string Content, SubmissionStatus Status);
    private sealed record MyActivity(Guid ActivityId, string Title, ActivityStatus Status, RegistrationStatus Registration, string Code, List<MySubmission> Submissions);
    private sealed record MyActivities(List<MyActivity> Items, int Total);

    private async Task<NotificationPage> Inbox(string member, string culture = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/notifications?pageSize=100");
        request.Headers.AcceptLanguage.ParseAdd(culture);
        return await (await (await App.As(member)).SendAsync(request, Ct)).Expect<NotificationPage>(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> MarkRead(string member, Guid notificationId) =>
        await (await App.As(member)).PostJson($"/api/me/notifications/{notificationId}/read", null);

    private async Task ReadAll(string member) =>
        await (await (await App.As(member)).PostJson("/api/me/notifications/read-all", null)).ShouldBe(HttpStatusCode.NoContent);

    [Fact]
    public async Task Each_participation_action_records_an_event_of_its_kind_and_the_counts_add_them_up()
    {
        var plan = ParticipationPlans.Reply("打卡", 2) with
        {
            Participation = new() { Method = ParticipationMethod.Reply, ReplyRule = new("打卡", 2), Capacity = 2, Waitlist = true },
        };
        var id = await OpenActivity(plan);
        var first = await Registered("member91", id);
        var second = await Registered("member92", id);
        var third = await Registered("member93", id);
        await App.LaunchAsync(id);
        var m91 = await App.As("member91");
        var reply = await (await m91.PostJson($"/api/activities/{id}/submissions", new { content = "打卡成功" })).Expect<Posted>(HttpStatusCode.Created);
        var comment = await (await (await App.As("member92")).PostJson($"/api/activities/{id}/comments", new { body = "加油" })).Expect<Posted>(HttpStatusCode.Created);
        var question = await (await (await App.As("member93")).PostJson($"/api/activities/{id}/comments",
            new { body = "怎么算完成？", isQuestion = true })).Expect<Posted>(HttpStatusCode.Created);
        await (await m91.PostJson($"/api/comments/{comment.Id}/like", null)).ShouldBe(HttpStatusCode.OK);
        await (await CancelMine("member92", id)).ShouldBe(HttpStatusCode.OK); // member93 moves up

        var events = await Events(id);
        var (u91, u92, u93) = (await App.UserIdAsync("member91"), await App.UserIdAsync("member92"), await App.UserIdAsync("member93"));
        // Order within one save is EF's to choose, so the events are compared as a set.
        (ActivityEventKind, Guid, Guid)[] expectedEvents =
            [
                (ActivityEventKind.Registered, u91, first.Id), (ActivityEventKind.Registered, u92, second.Id),
                (ActivityEventKind.Waitlisted, u93, third.Id),
                (ActivityEventKind.ReplyAccepted, u91, reply.Id), (ActivityEventKind.Submitted, u91, reply.Id),
                (ActivityEventKind.Commented, u92, comment.Id), (ActivityEventKind.Questioned, u93, question.Id),
                (ActivityEventKind.Liked, u91, comment.Id),
                (ActivityEventKind.RegistrationCancelled, u92, second.Id), (ActivityEventKind.Promoted, u93, third.Id),
            ];
        Assert.Equal(expectedEvents.Order(), events.Select(e => (e.Kind, e.MemberId!.Value, e.SubjectId!.Value)).Order());

        var counts = await (await (await Planner).GetAsync($"/api/activities/{id}/counts", Ct)).Expect<Counts>(HttpStatusCode.OK);
        Assert.Equal((2, 0, (int?)2, 1), (counts.Confirmed, counts.Waitlisted, counts.Capacity, counts.UnansweredQuestions));
        var expected = events.GroupBy(e => e.Kind.ToString()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(k => k.Key), counts.Events.OrderBy(k => k.Key));
        Assert.Equal(2, counts.Events["Registered"]);
    }

    [Fact]
    public async Task Members_may_not_read_the_live_counts()
    {
        var id = await OpenActivity();

        await (await (await App.As("member94")).GetAsync($"/api/activities/{id}/counts", Ct)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task My_activities_lists_my_registrations_with_my_submissions()
    {
        var id = await LiveActivity(ParticipationPlans.Reply("打卡", 0), "member95");
        await (await (await App.As("member95")).PostJson($"/api/activities/{id}/submissions", new { content = "打卡" })).ShouldBe(HttpStatusCode.Created);

        var mine = await (await (await App.As("member95")).GetAsync("/api/me/activities", Ct)).Expect<MyActivities>(HttpStatusCode.OK);

        var entry = Assert.Single(mine.Items, i => i.ActivityId == id);
        Assert.Equal((ActivityStatus.Live, RegistrationStatus.Confirmed, "R000001"), (entry.Status, entry.Registration, entry.Code));
        Assert.Equal(("打卡", SubmissionStatus.Accepted), (Assert.Single(entry.Submissions).Content, entry.Submissions[0].Status));
        // Only the member's own submissions are listed, in this activity and in any earlier one (the demo's history).
        var me = await App.UserIdAsync("member95");
        var own = await App.WithDb(db => db.Submissions.Where(x => x.MemberId == me).Select(x => x.Content).ToListAsync(Ct));
        Assert.All(mine.Items.SelectMany(i => i.Submissions), x => Assert.Contains(x.Content, own));
    }

    [Fact]
    public async Task The_unread_count_falls_as_notifications_are_read_one_by_one_or_all_at_once()
    {
        await ReadAll("member96");
        var a = await OpenActivity();
        var b = await OpenActivity();
        await Registered("member96", a);
        await Registered("member96", b);

        var before = await Inbox("member96");
        var note = before.Items.First(n => n.ActivityId == a);
        await (await MarkRead("member96", note.Id)).ShouldBe(HttpStatusCode.NoContent);
        var after = await Inbox("member96");
        await (await MarkRead("member96", note.Id)).ShouldBe(HttpStatusCode.NoContent); // again: still read, no error
        await ReadAll("member96");
        var none = await Inbox("member96");

        Assert.Equal(2, before.Unread);
        Assert.Equal(1, after.Unread);
        Assert.True(after.Items.Single(n => n.Id == note.Id).Read);
        Assert.False(after.Items.Single(n => n.ActivityId == b).Read);
        Assert.Equal(0, none.Unread);
        Assert.All(none.Items, n => Assert.True(n.Read));
    }

    [Fact]
    public async Task A_member_cannot_mark_another_members_notification()
    {
        var id = await OpenActivity();
        await Registered("member97", id);
        var theirs = (await Inbox("member97")).Items.First(n => n.ActivityId == id);

        await (await MarkRead("member98", theirs.Id)).ShouldBe(HttpStatusCode.NotFound);
        await (await MarkRead("member98", Guid.NewGuid())).ShouldBe(HttpStatusCode.NotFound);
        await ReadAll("member98");

        Assert.False((await Inbox("member97")).Items.Single(n => n.Id == theirs.Id).Read);
    }

    [Fact]
    public async Task Notifications_read_in_the_readers_language()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: 1, waitlist: true));
        var title = (await Get(id)).Title;
        await Registered("member99", id);
        await Registered("member100", id);

        var en = (await Inbox("member99", "en")).Items.Single(n => n.ActivityId == id);
        var zh = (await Inbox("member99", "zh-CN")).Items.Single(n => n.ActivityId == id);
        var waiting = (await Inbox("member100", "en")).Items.Single(n => n.ActivityId == id);

        Assert.Equal(NotificationKind.RegistrationConfirmed, en.Kind);
        Assert.Equal($"Your registration for {title} is confirmed.", en.Text);
        Assert.Equal($"您报名的“{title}”已确认。", zh.Text);
        Assert.Equal($"{title} is full; you are on the waitlist at position 1.", waiting.Text);
    }

    [Fact]
    public async Task Cancelling_an_activity_tells_everyone_still_registered_with_the_reason()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: 1, waitlist: true));
        var title = (await Get(id)).Title;
        await Registered("member101", id);
        await Registered("member102", id);
        await Registered("member103", id);
        await (await CancelMine("member103", id)).ShouldBe(HttpStatusCode.OK);

        await (await (await Planner).PostJson($"/api/activities/{id}/cancel", new { reason = "主讲嘉宾临时无法出席" })).ShouldBe(HttpStatusCode.OK);

        foreach (var member in new[] { "member101", "member102" }) // confirmed and waitlisted alike
        {
            var note = Assert.Single((await Inbox(member)).Items, n => n.ActivityId == id && n.Kind == NotificationKind.ActivityCancelled);
            Assert.Equal($"{title} was cancelled: 主讲嘉宾临时无法出席", note.Text);
            Assert.False(note.Read);
        }
        Assert.DoesNotContain((await Inbox("member103")).Items, n => n.ActivityId == id && n.Kind == NotificationKind.ActivityCancelled);
    }

    [Fact]
    public async Task The_inbox_is_for_signed_in_users_only()
    {
        using var anonymous = App.Anonymous();
        await (await anonymous.GetAsync("/api/me/notifications", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.PostJson("/api/me/notifications/read-all", null)).ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class ActivityFeedApiTests_Sqlite(SqliteApp app) : ActivityFeedApiTests(app), IClassFixture<SqliteApp>;
public sealed class ActivityFeedApiTests_Postgres(PostgresApp app) : ActivityFeedApiTests(app), IClassFixture<PostgresApp>;
