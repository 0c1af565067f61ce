using System.Net;
using System.Text;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Security;

/// <summary>
/// Issue 9 item 3: personal data stays masked unless a permitted, compliance-cleared staff member states a reason;
/// each reveal and unmasked export is an audit entry (never holding the value), listed on the reveals page.
/// </summary>
public abstract class PersonalDataRevealTests(TestApp app) : ParticipationTests(app)
{
    private sealed record RevealedView(string SubjectType, string SubjectId, string Field, string? Value);

    private async Task<HttpResponseMessage> Reveal(string account, object body) =>
        await (await App.As(account)).PostJson("/api/personal-data/reveal", body);

    private async Task<(Guid Activity, Guid Registration)> Registration(string member, Plan? plan = null)
    {
        var id = await OpenActivity(plan);
        await Registered(member, id, Contact("孙悟空", "13700001234", "sun.wukong@example.com"));
        return (id, (await RegistrationsOf(id)).Single().Id);
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
    public async Task The_team_reveals_a_registrants_phone_with_a_reason_and_the_audit_chain_records_who_what_and_why()
    {
        var (_, registration) = await Registration("member81");
        const string reason = "联系中奖者确认收货地址";

        var revealed = await (await Reveal("planner", new { subjectType = "registration", subjectId = registration, field = "phone", reason }))
            .Expect<RevealedView>(HttpStatusCode.OK);

        Assert.Equal("+8613700001234", revealed.Value);
        var entry = await App.WithDb(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Code == "personal-data.revealed" && e.SubjectId == registration.ToString(), Ct));
        Assert.Equal("registration", entry.SubjectType);
        Assert.Equal(await App.UserIdAsync("planner"), entry.ActorId);
        using (var data = System.Text.Json.JsonDocument.Parse(entry.Data!))
        {
            Assert.Equal(reason, data.RootElement.GetProperty("reason").GetString());
            Assert.Equal("phone", data.RootElement.GetProperty("field").GetString());
        }
        Assert.DoesNotContain("13700001234", entry.Data); // the value itself is never in the chain
        var name = await (await Reveal("planner", new { subjectType = "registration", subjectId = registration, field = "realName", reason }))
            .Expect<RevealedView>(HttpStatusCode.OK);
        Assert.Equal("孙悟空", name.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("看看")]
    public async Task A_reveal_without_a_reason_of_five_characters_is_refused_and_not_audited(string? reason)
    {
        var (_, registration) = await Registration("member82");

        var problem = await (await Reveal("planner", new { subjectType = "registration", subjectId = registration, field = "phone", reason }))
            .ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("reason", problem.Fields);
        Assert.False(await App.WithDb(db => db.AuditEntries.AnyAsync(e => e.Code == "personal-data.revealed" && e.SubjectId == registration.ToString(), Ct)));
    }

    [Fact]
    public async Task Unknown_fields_and_subject_types_are_validation_errors()
    {
        var (_, registration) = await Registration("member83");

        Assert.Contains("field", (await (await Reveal("planner", new { subjectType = "registration", subjectId = registration, field = "password", reason = "核对报名信息" }))
            .ExpectProblem(HttpStatusCode.BadRequest)).Fields);
        Assert.Contains("subjectType", (await (await Reveal("planner", new { subjectType = "user", subjectId = registration, field = "phone", reason = "核对报名信息" }))
            .ExpectProblem(HttpStatusCode.BadRequest)).Fields);
    }

    [Theory]
    [InlineData("member84")]   // a member
    [InlineData("planner2")]   // staff, not on the team
    public async Task Anyone_without_the_permission_is_refused(string account)
    {
        var (_, registration) = await Registration("member85");

        await (await Reveal(account, new { subjectType = "registration", subjectId = registration, field = "phone", reason = "只是好奇而已" }))
            .ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_team_member_without_a_signed_agreement_and_training_is_refused()
    {
        var fresh = await App.CreateStaffAsync("fresh-planner", onboarded: false, Roles.Planner);
        var (_, registration) = await Registration("member86", ParticipationPlans.OpenNow().WithTeam(fresh));

        var problem = await (await Reveal(fresh, new { subjectType = "registration", subjectId = registration, field = "phone", reason = "联系报名者" }))
            .ExpectProblem(HttpStatusCode.Forbidden);

        Assert.Equal("compliance-required", problem.Code);
    }

    [Fact]
    public async Task An_unmasked_export_needs_a_reason_and_is_audited_while_the_plain_export_stays_masked()
    {
        var (id, _) = await Registration("member87");
        var planner = await Planner;

        var masked = await (await planner.GetAsync($"/api/activities/{id}/registrations/export.csv", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("13700001234", masked);
        Assert.Contains("reason", (await (await planner.GetAsync($"/api/activities/{id}/registrations/export.csv?reason=abc", Ct))
            .ExpectProblem(HttpStatusCode.BadRequest)).Fields);

        var response = await planner.GetAsync($"/api/activities/{id}/registrations/export.csv?reason={Uri.EscapeDataString("寄送奖品需要完整名单")}", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        var clear = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains(",孙悟空,", clear);
        Assert.Contains("8613700001234", clear);
        Assert.Contains(",sun.wukong@example.com,", clear);
        var entry = await App.WithDb(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Code == "personal-data.exported" && e.SubjectId == id.ToString(), Ct));
        using var data = System.Text.Json.JsonDocument.Parse(entry.Data!);
        Assert.Equal("寄送奖品需要完整名单", data.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_reveals_page_lists_who_revealed_what_and_why_for_admins_and_heads_only()
    {
        var (_, registration) = await Registration("member88");
        var reason = $"核实身份 {Guid.NewGuid():N}"[..14];
        await (await Reveal("planner", new { subjectType = "registration", subjectId = registration, field = "email", reason })).ShouldBe(HttpStatusCode.OK);

        var html = await Html("admin", "/console/security/reveals?kind=revealed");
        Assert.Contains(reason, html);
        Assert.Contains(registration.ToString(), html);
        Assert.Contains("<label for=\"staff\">工作人员</label>", html);
        Assert.Contains(reason, await Html("head", "/console/security/reveals"));
        Assert.DoesNotContain(reason, await Html("admin", "/console/security/reveals?kind=exported"));
        Assert.DoesNotContain(reason, await Html("admin", "/console/security/reveals?staff=nobody-at-all"));
        await (await (await Planner).GetAsync("/console/security/reveals", Ct)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_registrations_page_offers_a_labelled_reveal_form_and_the_keys_page_shows_the_ring_to_admins()
    {
        var (id, _) = await Registration("member89");

        var html = await Html("planner", $"/console/activities/{id}/registrations");
        Assert.Contains("<label for=\"reveal-reason\">", html);
        Assert.Contains("<label for=\"export-reason\">", html);
        Assert.DoesNotContain("13700001234", html);

        var keys = await Html("admin", "/console/security/keys");
        Assert.Contains("id=\"active-key\"", keys);
        Assert.Contains("id=\"start-reencryption\"", keys);
        await (await (await Head).GetAsync("/console/security/keys", Ct)).ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class PersonalDataRevealTests_Sqlite(SqliteApp app) : PersonalDataRevealTests(app), IClassFixture<SqliteApp>;
public sealed class PersonalDataRevealTests_Postgres(PostgresApp app) : PersonalDataRevealTests(app), IClassFixture<PostgresApp>;
