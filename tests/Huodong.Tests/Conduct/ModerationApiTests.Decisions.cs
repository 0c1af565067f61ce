using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Conduct;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Conduct;

public abstract partial class ModerationApiTests
{
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
}
