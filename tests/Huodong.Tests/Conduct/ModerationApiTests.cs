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
public abstract class ModerationApiTests(TestApp app) : ParticipationTests(app)
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
    public async Task Removing_content_hides_the_comment_and_tells_the_author()
    {
        var id = await OpenActivity();
        var comment = await PostComment("member129", id, "要删除的评论");
        var caseId = (await (await Report("member150", "comment", comment)).Read<ReportOutcome>()).CaseId;

        var decided = await (await Decide(caseId, new { decision = "removeContent", note = "人身攻击" })).Expect<CaseView>(HttpStatusCode.OK);
        var thread = await (await (await App.As("member151")).GetAsync($"/api/activities/{id}/comments", Ct)).Read<Page<Posted>>();

        Assert.Equal((CaseStatus.Decided, CaseDecision.RemoveContent), (decided.Status, decided.Decision));
        Assert.DoesNotContain(thread.Items, c => c.Id == comment);
        Assert.Contains(await Notifications("member129", id), n => n.Kind == NotificationKind.ContentRemoved && n.Text.Contains("人身攻击"));
        var again = await (await Decide(caseId, new { decision = "warn" })).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("case-not-open", again.Code);
    }

    [Fact]
    public async Task A_warning_is_notified_and_counts_in_the_members_history()
    {
        var id = await OpenActivity();
        var first = await ReportedCase("member130", id);
        await (await Decide(first, new { decision = "warn", note = "注意言辞" })).ShouldBe(HttpStatusCode.OK);
        var second = await ReportedCase("member130", id, reporter: "member152");

        var @case = (await Queue(id)).Single(c => c.Id == second);

        Assert.Contains(await Notifications("member130", id), n => n.Kind == NotificationKind.ConductWarned);
        Assert.Equal(CaseDecision.Warn, Assert.Single(@case.History).Decision);
        Assert.Equal(CaseDecision.DeductPoints, @case.Suggested.Action); // the second offence: points, by the default table
    }

    [Fact]
    public async Task Deducting_points_lowers_the_balance_with_a_ledger_line()
    {
        var id = await OpenActivity();
        var member = await App.UserIdAsync("member131");
        var before = await App.WithDb(db => db.Users.Where(u => u.Id == member).Select(u => u.PointsBalance).SingleAsync(Ct));
        var caseId = await ReportedCase("member131", id);

        await (await Decide(caseId, new { decision = "deductPoints", points = 30, note = "刷屏" })).ShouldBe(HttpStatusCode.OK);
        var missing = await (await Decide(await ReportedCase("member131", id, "member153"), new { decision = "deductPoints" }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        var after = await App.WithDb(db => db.Users.Where(u => u.Id == member).Select(u => u.PointsBalance).SingleAsync(Ct));
        Assert.Equal(before - 30, after);
        Assert.True(await App.WithDb(db => db.PointsEntries.AnyAsync(p => p.MemberId == member && p.Delta == -30, Ct)));
        Assert.Equal(["points"], missing.Fields);
    }

    [Fact]
    public async Task Disqualifying_takes_the_member_out_of_the_activity_and_the_waitlist_fills_the_place()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: 1, waitlist: true));
        await (await Register("member132", id)).ShouldBe(HttpStatusCode.Created);
        await (await Register("member140", id)).ShouldBe(HttpStatusCode.Created); // waitlisted
        var caseId = await ReportedCase("member132", id);

        await (await Decide(caseId, new { decision = "disqualify", note = "抄袭" })).ShouldBe(HttpStatusCode.OK);

        var cheat = await App.UserIdAsync("member132");
        var next = await App.UserIdAsync("member140");
        var registrations = await RegistrationsOf(id);
        Assert.Equal(RegistrationStatus.Disqualified, registrations.Single(r => r.MemberId == cheat).Status);
        Assert.Equal(RegistrationStatus.Confirmed, registrations.Single(r => r.MemberId == next).Status);
        Assert.Equal((1, 0), ((await Seats(id)).Confirmed, (await Seats(id)).Waitlisted));
        Assert.Contains(await Notifications("member132", id), n => n.Kind == NotificationKind.Disqualified);
        // No way back in by cancelling and registering again.
        await (await CancelMine("member132", id)).ShouldBe(HttpStatusCode.NotFound);
        await (await Register("member132", id)).ShouldBe(HttpStatusCode.Conflict);

        // An overturned decision puts the member back; the place is taken now, so onto the waitlist.
        await (await (await App.As("member132")).PostJson($"/api/moderation/cases/{caseId}/appeal", new { reason = "不是抄袭" }))
            .ShouldBe(HttpStatusCode.OK);
        await (await Decide(caseId, new { decision = "overturn" }, by: "admin")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(RegistrationStatus.Waitlisted, (await RegistrationsOf(id)).Single(r => r.MemberId == cheat).Status);
        Assert.Equal((1, 1), ((await Seats(id)).Confirmed, (await Seats(id)).Waitlisted));
    }

    [Fact]
    public async Task A_suspended_member_is_refused_and_a_banned_one_too()
    {
        var id = await OpenActivity();
        var suspend = await ReportedCase("member133", id);
        var ban = await ReportedCase("member134", id);

        await (await Decide(suspend, new { decision = "suspend", days = 3 })).ShouldBe(HttpStatusCode.OK);
        await (await Decide(ban, new { decision = "ban" })).ShouldBe(HttpStatusCode.OK);

        var refused = await (await (await App.As("member133")).PostJson($"/api/activities/{id}/comments", new { body = "我还能说话吗" }))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity);
        var banned = await (await (await App.As("member134")).PostJson($"/api/activities/{id}/comments", new { body = "我还能说话吗" }))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("suspended", "suspended"), (refused.Code, banned.Code));
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(a => a.Code == "conduct.case.suspended" && a.SubjectId == suspend.ToString(), Ct)));
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(a => a.Code == "member.suspended", Ct)));
    }

    [Fact]
    public async Task An_appeal_is_decided_by_another_moderator_once_and_an_overturn_lifts_the_suspension()
    {
        var id = await OpenActivity();
        var caseId = await ReportedCase("member135", id);
        await (await Decide(caseId, new { decision = "suspend", days = 7 })).ShouldBe(HttpStatusCode.OK);
        var member = await App.As("member135");

        var mine = await (await member.GetAsync("/api/me/cases", Ct)).Expect<MyCases>(HttpStatusCode.OK);
        Assert.True(mine.Items.Single(c => c.Id == caseId).CanAppeal);
        await (await (await App.As("member136")).PostJson($"/api/moderation/cases/{caseId}/appeal", new { reason = "不是我" }))
            .ShouldBe(HttpStatusCode.NotFound); // only the member the decision is about
        var appealed = await (await member.PostJson($"/api/moderation/cases/{caseId}/appeal", new { reason = "我没有违规" }))
            .Expect<Appealed>(HttpStatusCode.OK);
        var twice = await (await member.PostJson($"/api/moderation/cases/{caseId}/appeal", new { reason = "再申诉" }))
            .ExpectProblem(HttpStatusCode.UnprocessableEntity);
        var same = await (await Decide(caseId, new { decision = "overturn" })).ExpectProblem(HttpStatusCode.Forbidden);
        var other = await App.CreateStaffAsync("reviewer", Roles.Moderator);
        var overturned = await (await Decide(caseId, new { decision = "overturn", note = "证据不足" }, by: other)).Expect<CaseView>(HttpStatusCode.OK);

        Assert.Equal(CaseStatus.Appealed, appealed.Status);
        Assert.Equal("already-appealed", twice.Code);
        Assert.Equal("appeal-same-moderator", same.Code);
        Assert.Equal((CaseStatus.Closed, true), (overturned.Status, overturned.AppealUpheld));
        await (await member.PostJson($"/api/activities/{id}/comments", new { body = "恢复发言了" })).ShouldBe(HttpStatusCode.Created);
        Assert.Contains(await Notifications("member135", id), n => n.Kind == NotificationKind.AppealUpheld);
    }

    [Fact]
    public async Task An_upheld_appeal_keeps_the_penalty()
    {
        var id = await OpenActivity();
        var caseId = await ReportedCase("member137", id);
        await (await Decide(caseId, new { decision = "removeContent" })).ShouldBe(HttpStatusCode.OK);
        await (await (await App.As("member137")).PostJson($"/api/moderation/cases/{caseId}/appeal", new { reason = "请复核" }))
            .ShouldBe(HttpStatusCode.OK);

        await (await Decide(caseId, new { decision = "uphold" }, by: "admin")).ShouldBe(HttpStatusCode.OK);

        var comment = await App.WithDb(db => db.ModerationCases.Where(c => c.Id == caseId).Select(c => c.SubjectId).SingleAsync(Ct));
        Assert.NotNull(await App.WithDb(db => db.Comments.Where(c => c.Id == comment).Select(c => c.RemovedAt).SingleAsync(Ct)));
        Assert.Contains(await Notifications("member137", id), n => n.Kind == NotificationKind.AppealRejected);
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

    [Fact]
    public async Task The_queue_page_shows_the_evidence_and_a_labelled_decision_form_with_the_suggestion()
    {
        var id = await OpenActivity();
        var comment = await PostComment("member138", id, "页面上要看到的证据");
        var caseId = (await (await Report("member150", "comment", comment)).Read<ReportOutcome>()).CaseId;

        var html = await Html("moderator", "/console/moderation");

        Assert.Contains("<main", html);
        Assert.Contains("页面上要看到的证据", html);
        Assert.Contains($"<label for=\"decision-{caseId}\">处理决定</label>", html);
        Assert.Contains("建议处理", html);
        Assert.Contains("__RequestVerificationToken", html);
    }

    [Fact]
    public async Task The_portal_offers_members_a_labelled_report_form_on_others_comments_only()
    {
        var id = await OpenActivity();
        var comment = await PostComment("member142", id, "可以被举报的评论");

        var other = await Html("member143", $"/activities/{id}");
        var author = await Html("member142", $"/activities/{id}");

        Assert.Contains($"<label for=\"report-{comment}\">这条评论有什么问题？</label>", other);
        Assert.DoesNotContain($"report-{comment}", author);
    }

    [Fact]
    public async Task The_demo_seed_leaves_a_reported_comment_in_the_queue()
    {
        var queue = (await (await (await App.As("moderator")).GetAsync("/api/moderation/cases?pageSize=200", Ct))
            .Expect<Page<CaseView>>(HttpStatusCode.OK)).Items;

        Assert.Contains(queue, c => c.Source == CaseSource.Report && c.Reporters == 2 && c.Reports.Any(r => r.Reason == "语气不友善"));
    }

    [Fact]
    public async Task The_lexicon_page_lists_the_starter_terms_for_moderators()
    {
        var html = await Html("moderator", "/console/moderation/terms");

        Assert.Contains("赌博", html);
        Assert.Contains("<label for=\"term\">词条</label>", html);
    }

    [Fact]
    public async Task The_members_page_shows_a_decision_about_them_with_an_appeal_form()
    {
        var id = await OpenActivity();
        var caseId = await ReportedCase("member139", id);
        await (await Decide(caseId, new { decision = "warn", note = "请文明发言" })).ShouldBe(HttpStatusCode.OK);

        var html = await Html("member139", "/me/conduct");

        Assert.Contains("请文明发言", html);
        Assert.Contains($"<label for=\"reason-{caseId}\">申诉理由</label>", html);
    }
}

public sealed class ModerationApiTests_Sqlite(SqliteApp app) : ModerationApiTests(app), IClassFixture<SqliteApp>;
public sealed class ModerationApiTests_Postgres(PostgresApp app) : ModerationApiTests(app), IClassFixture<PostgresApp>;
