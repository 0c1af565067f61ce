using System.Net;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;
using Huodong.Web.Security;

namespace Huodong.Tests.Api;

/// <summary>
/// S2.1/S2.3: staff sign the current confidentiality agreement and pass the training before they open other teams'
/// plans, review, or export members' personal data; a new agreement version needs signing again.
/// </summary>
public abstract class ComplianceApiTests(TestApp app) : ParticipationTests(app)
{
    private async Task<ComplianceStatus> StatusOf(HttpClient client) =>
        await (await client.GetAsync("/api/me/compliance", Ct)).Expect<ComplianceStatus>(HttpStatusCode.OK);

    [Fact]
    public async Task Demo_staff_are_current_and_a_new_head_is_kept_out_until_signed_and_trained()
    {
        Assert.True((await StatusOf(await Head)).Current);
        var activity = await InHeadReview();
        var email = await App.CreateStaffAsync("newhead", onboarded: false, Roles.CommunityHead);
        var newHead = await App.As(email);

        Assert.Equal("compliance-required", (await (await newHead.GetAsync($"/api/activities/{activity.Id}", Ct)).ExpectProblem(HttpStatusCode.Forbidden)).Code);
        var status = await (await newHead.PostJson("/api/compliance/agreements/current/sign", null)).Expect<ComplianceStatus>(HttpStatusCode.OK);
        Assert.True(status.Signed);
        Assert.False(status.Trained);
        Assert.Equal("compliance-required", (await (await newHead.GetAsync($"/api/activities/{activity.Id}", Ct)).ExpectProblem(HttpStatusCode.Forbidden)).Code);

        await (await (await Admin).PostJson("/api/compliance/training",
            new { email, course = "个人信息保护培训", completedAt = DateTimeOffset.UtcNow.AddDays(-1), passed = true })).ShouldBe(HttpStatusCode.Created);
        Assert.True((await StatusOf(newHead)).Current);
        await (await newHead.GetAsync($"/api/activities/{activity.Id}", Ct)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_failed_training_does_not_count_and_only_admins_record_training()
    {
        var email = await App.CreateStaffAsync("failed", onboarded: false, Roles.Moderator);
        await (await (await App.As(email)).PostJson("/api/compliance/agreements/current/sign", null)).ShouldBe(HttpStatusCode.OK);
        await (await (await Admin).PostJson("/api/compliance/training",
            new { email, course = "保密培训", completedAt = DateTimeOffset.UtcNow.AddDays(-2), passed = false })).ShouldBe(HttpStatusCode.Created);
        Assert.False((await StatusOf(await App.As(email))).Trained);

        var refused = await (await Head).PostJson("/api/compliance/training", new { email, course = "x", completedAt = DateTimeOffset.UtcNow, passed = true });
        Assert.Equal("forbidden", (await refused.ExpectProblem(HttpStatusCode.Forbidden)).Code);
        var invalid = await (await Admin).PostJson("/api/compliance/training", new { email = "nobody@x.test", course = "", passed = true });
        Assert.Equal(["completedAt", "course", "email"], (await invalid.ExpectProblem(HttpStatusCode.BadRequest)).Fields.Order());
    }

    [Fact]
    public async Task Exporting_registrations_needs_a_current_signature_even_on_the_team_and_a_new_version_needs_signing_again()
    {
        var id = await OpenActivity();
        await (await Register("member44", id)).ShouldBe(HttpStatusCode.Created);
        await (await (await Planner).GetAsync($"/api/activities/{id}/registrations/export.csv", Ct)).ShouldBe(HttpStatusCode.OK);

        var published = await (await Admin).PostJson("/api/compliance/agreements", new { text = "员工保密协议（新版）：会员个人信息仅用于活动组织。" });
        try
        {
            var version = (await published.Expect<AgreementAnswer>(HttpStatusCode.Created)).Version;
            var status = await StatusOf(await Planner);
            Assert.Equal(version, status.CurrentVersion);
            Assert.False(status.Current);
            var export = await (await Planner).GetAsync($"/api/activities/{id}/registrations/export.csv", Ct);
            Assert.Equal("compliance-required", (await export.ExpectProblem(HttpStatusCode.Forbidden)).Code);
        }
        finally
        {
            // Every demo account signs the new version again, so the class's other tests find them current.
            foreach (var account in new[] { "planner", "planner2", "head", "leader", "moderator", "finance", "admin" })
                await (await (await App.As(account)).PostJson("/api/compliance/agreements/current/sign", null)).ShouldBe(HttpStatusCode.OK);
        }
        await (await (await Planner).GetAsync($"/api/activities/{id}/registrations/export.csv", Ct)).ShouldBe(HttpStatusCode.OK);
    }
}

public sealed record AgreementAnswer(int Version, string Text);

public sealed class ComplianceApiTests_Sqlite(SqliteApp app) : ComplianceApiTests(app), IClassFixture<SqliteApp>;
public sealed class ComplianceApiTests_Postgres(PostgresApp app) : ComplianceApiTests(app), IClassFixture<PostgresApp>;
