using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Security.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Security;

public abstract partial class SecurityAlertsApiTests
{
    [Fact]
    public async Task Only_admins_see_and_acknowledge_alerts_and_an_acknowledgement_needs_a_note_and_is_audited()
    {
        var alert = (await Alerts("open")).First(a => a.Subject == "l***i@example.com"); // the demo's
        var url = $"/api/security/alerts/{alert.Id}/acknowledge";

        foreach (var account in new[] { "member5", "planner", "moderator", "head" })
        {
            await (await (await App.As(account)).GetAsync("/api/security/alerts", Ct)).ShouldBe(HttpStatusCode.Forbidden);
            await (await (await App.As(account)).PostJson(url, new { note = "看过了" })).ShouldBe(HttpStatusCode.Forbidden);
        }
        await (await App.Anonymous().GetAsync("/api/security/alerts", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        var admin = await App.As("admin");
        var empty = await (await admin.PostJson(url, new { note = " " })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("note", empty.Errors!.Keys);
        await (await admin.PostJson($"/api/security/alerts/{Guid.NewGuid()}/acknowledge", new { note = "不存在" })).ShouldBe(HttpStatusCode.NotFound);

        await (await admin.PostJson(url, new { note = "已通知该用户修改密码" })).ShouldBe(HttpStatusCode.NoContent);
        await (await admin.PostJson(url, new { note = "再次确认" })).ShouldBe(HttpStatusCode.Conflict);

        Assert.DoesNotContain(await Alerts("open"), a => a.Id == alert.Id);
        var done = Assert.Single(await Alerts("all"), a => a.Id == alert.Id);
        Assert.Equal(("Acknowledged", "已通知该用户修改密码"), (done.Status, done.AcknowledgeNote));
        Assert.False(string.IsNullOrEmpty(done.AcknowledgedBy));
        var entry = await App.WithDb(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Code == AcknowledgeAlert.Code && e.SubjectId == alert.Id.ToString(), Ct));
        Assert.Equal(await App.UserIdAsync("admin"), entry.ActorId);
    }

    [Fact]
    public async Task The_alerts_page_is_for_admins_lists_open_alerts_with_the_count_in_the_navigation_and_acknowledges()
    {
        var page = await Html("admin", "/console/security/alerts");
        Assert.Contains("安全告警", page);
        Assert.Contains("id=\"alert-count\"", page);
        Assert.Contains("180", page); // the retention setting, read-only
        var planner = await (await App.As("planner")).GetAsync("/console/security/alerts", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, planner.StatusCode);
        Assert.DoesNotContain("alerts-link", await Html("planner", "/console/plans"));
    }
}
