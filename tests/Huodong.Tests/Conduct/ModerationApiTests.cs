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
/// M3.3 and E2.2 through the API: reports merge into one open case; the queue is ordered by severity then age;
/// each decision has its effect on the member; a decision may be appealed once, to a different moderator.
/// </summary>
public abstract partial class ModerationApiTests(TestApp app) : ParticipationTests(app)
{
    private sealed record Posted(Guid Id);
    private sealed record Appealed(Guid Id, CaseStatus Status);
    private sealed record MyCases(List<MyCaseView> Items, int Total);

    private async Task<Guid> PostComment(string member, Guid activityId, string body) =>
        (await (await (await App.As(member)).PostJson($"/api/activities/{activityId}/comments", new { body }))
            .Expect<Posted>(HttpStatusCode.Created)).Id;

    private async Task<HttpResponseMessage> Report(string by, string targetType, Guid targetId, string reason = "不友善") =>
        await (await App.As(by)).PostJson("/api/reports", new { targetType, targetId, reason });

    private async Task<Guid> ReportedCase(string author, Guid activityId, string reporter = "member150")
    {
        var comment = await PostComment(author, activityId, "普通的一条评论");
        return (await (await Report(reporter, "comment", comment)).Expect<ReportOutcome>(HttpStatusCode.Created)).CaseId;
    }

    private async Task<HttpResponseMessage> Decide(Guid caseId, object body, string by = "moderator") =>
        await (await App.As(by)).PostJson($"/api/moderation/cases/{caseId}/decision", body);

    private async Task<List<CaseView>> Queue(Guid activityId) =>
        (await (await (await App.As("moderator")).GetAsync($"/api/moderation/cases?activityId={activityId}", Ct))
            .Expect<Page<CaseView>>(HttpStatusCode.OK)).Items;

    [Fact]
    public async Task Reports_on_the_same_comment_merge_into_one_open_case()
    {
        var id = await OpenActivity();
        var comment = await PostComment("member121", id, "一条被举报的评论");

        var first = await (await Report("member122", "comment", comment)).Expect<ReportOutcome>(HttpStatusCode.Created);
        var second = await (await Report("member123", "comment", comment, "广告")).Expect<ReportOutcome>(HttpStatusCode.Created);
        var again = await (await Report("member122", "comment", comment)).Expect<ReportOutcome>(HttpStatusCode.OK);
        var self = await (await Report("member121", "comment", comment)).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        var unknown = await (await Report("member122", "comment", Guid.NewGuid())).ExpectProblem(HttpStatusCode.NotFound);

        Assert.Equal(first.CaseId, second.CaseId);
        Assert.Equal((true, false), (first.Opened, second.Opened));
        Assert.Equal((2, false), (again.Reporters, again.Counted));
        Assert.Equal("cannot-report-self", self.Code);
        Assert.Equal("not-found", unknown.Code);
        var @case = Assert.Single(await Queue(id));
        Assert.Equal(2, @case.Reporters);
        Assert.Equal(["不友善", "广告"], @case.Reports.Select(r => r.Reason));
        Assert.Equal("一条被举报的评论", @case.Evidence);
    }

    [Fact]
    public async Task Reports_arriving_at_once_still_make_one_case_counting_every_reporter()
    {
        var id = await OpenActivity();
        var comment = await PostComment("member141", id, "同时被很多人举报");
        var reporters = Enumerable.Range(160, 6).Select(n => $"member{n}").ToList();
        foreach (var r in reporters) await App.As(r); // sign in first, so the reports themselves race

        var outcomes = await Task.WhenAll(reporters.Select(async r => await (await Report(r, "comment", comment)).Read<ReportOutcome>()));

        Assert.Single(outcomes.Select(o => o.CaseId).Distinct());
        Assert.Equal(6, Assert.Single(await Queue(id)).Reporters);
    }

    [Fact]
    public async Task A_member_can_be_reported_and_members_may_not_read_the_queue()
    {
        var target = await App.UserIdAsync("member124");

        await (await Report("member125", "member", target, "冒充工作人员")).ShouldBe(HttpStatusCode.Created);
        await (await (await App.As("member125")).GetAsync("/api/moderation/cases", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        var bad = await (await Report("member125", "activity", target)).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Equal(["targetType"], bad.Fields);
    }

    [Fact]
    public async Task The_queue_puts_the_most_severe_first_then_the_oldest()
    {
        var id = await OpenActivity();
        var older = await ReportedCase("member126", id);
        var newer = await ReportedCase("member127", id);
        var illegal = (await (await (await App.As("moderator")).PostJson("/api/conduct/terms",
            new { term = "zz" + Guid.NewGuid().ToString("N")[..8], action = "Flag", category = "Illegal" })).Read<TermView>()).Term;
        await PostComment("member128", id, $"来 {illegal}");

        var queue = await Queue(id);

        Assert.Equal(ConductCategory.Illegal, queue[0].Category);
        Assert.Equal([older, newer], queue.Skip(1).Select(c => c.Id));
        Assert.True(queue[0].Severity > queue[1].Severity);
    }

    [Fact]
    public async Task A_scan_opens_cases_for_shared_phones_copied_entries_and_staff_lookalike_nicknames()
    {
        var id = await OpenActivity();
        await (await Register("member170", id, Contact(phone: "13800000170"))).ShouldBe(HttpStatusCode.Created);
        await (await Register("member171", id, Contact(phone: "13800000170"))).ShouldBe(HttpStatusCode.Created); // the same phone
        await (await Register("member172", id, Contact(phone: "13800000172"))).ShouldBe(HttpStatusCode.Created);
        await (await (await App.As("member173")).PutJson("/api/me/profile", new { nickname = "官方客服 小王" })).ShouldBe(HttpStatusCode.OK);
        await (await Register("member173", id, Contact(phone: "13800000173"))).ShouldBe(HttpStatusCode.Created);
        await App.LaunchAsync(id);
        const string essay = "我最喜欢的功能是离线地图，出差时没有网络也能导航，非常实用。";
        await (await (await App.As("member172")).PostJson($"/api/activities/{id}/submissions", new { content = essay })).ShouldBe(HttpStatusCode.Created);
        await (await (await App.As("member170")).PostJson($"/api/activities/{id}/submissions", new { content = essay + "!" })).ShouldBe(HttpStatusCode.Created);

        await (await (await App.As("member174")).PostJson($"/api/activities/{id}/conduct/scan", null)).ShouldBe(HttpStatusCode.Forbidden);
        var outcome = await (await (await App.As("moderator")).PostJson($"/api/activities/{id}/conduct/scan", null)).Expect<ScanOutcome>(HttpStatusCode.OK);
        var again = await (await (await App.As("moderator")).PostJson($"/api/activities/{id}/conduct/scan", null)).Expect<ScanOutcome>(HttpStatusCode.OK);

        // The copy was caught when it was stored (its case is open already); the scan adds the rest.
        Assert.Equal(new ScanOutcome(3, 2, 0, 1, 0, 0), outcome);
        Assert.Equal(0, again.Opened); // open cases are not opened twice
        var queue = await Queue(id);
        var copied = queue.Single(c => c.Rule == "plagiarism");
        Assert.Equal(await App.UserIdAsync("member170"), copied.MemberId);
        Assert.DoesNotContain("13800000170", string.Join(" ", queue.Select(c => c.Evidence))); // codes, never phone numbers
        Assert.Equal(CaseDecision.Disqualify, copied.Suggested.Action);
    }

    private async Task<string> Html(string account, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await (await App.As(account)).SendAsync(request, Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}

public sealed class ModerationApiTests_Sqlite(SqliteApp app) : ModerationApiTests(app), IClassFixture<SqliteApp>;
public sealed class ModerationApiTests_Postgres(PostgresApp app) : ModerationApiTests(app), IClassFixture<PostgresApp>;
