using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;
using Huodong.Web.Participation;
using Huodong.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Api;

/// <summary>PIPL through <c>GET /api/me/data</c> and <c>DELETE /api/me</c>: a member's copy of their data, and erasure.</summary>
public abstract class MemberDataApiTests(TestApp app) : ParticipationTests(app)
{
    private async Task<(string Email, HttpClient Client, Guid Activity)> MemberWithHistory()
    {
        var email = await App.CreateStaffAsync("pipl-member", Roles.Member);
        var client = await App.As(email);
        var activity = await OpenActivity();
        await (await client.PostJson($"/api/activities/{activity}/registrations", Contact("赵敏", "13800138000", "zhao@example.com")))
            .ShouldBe(HttpStatusCode.Created);
        await (await client.PostJson($"/api/activities/{activity}/comments", new { body = "期待这次活动，祝顺利！" })).ShouldBe(HttpStatusCode.Created);
        return (email, client, activity);
    }

    [Fact]
    public async Task A_member_downloads_everything_held_about_them_including_their_own_contact_details()
    {
        var (email, client, activity) = await MemberWithHistory();

        var response = await client.GetAsync("/api/me/data", Ct);

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").Single());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(email, json.GetProperty("profile").GetProperty("email").GetString());
        var registration = Assert.Single(json.GetProperty("registrations").EnumerateArray());
        Assert.Equal(activity, registration.GetProperty("activityId").GetGuid());
        Assert.Equal("赵敏", registration.GetProperty("realName").GetString());
        Assert.Equal("+8613800138000", registration.GetProperty("phone").GetString());
        Assert.Contains(json.GetProperty("comments").EnumerateArray(), c => c.GetProperty("body").GetString() == "期待这次活动，祝顺利！");
        Assert.NotEmpty(json.GetProperty("notifications").EnumerateArray());
    }

    [Fact]
    public async Task Staff_have_no_member_data_to_download_or_erase_here()
    {
        Assert.Equal("not-a-member", (await (await (await Planner).GetAsync("/api/me/data", Ct)).ExpectProblem(HttpStatusCode.Forbidden)).Code);
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password = TestApp.DemoPassword }) };
        Assert.Equal("not-a-member", (await (await (await Planner).SendAsync(request, Ct)).ExpectProblem(HttpStatusCode.Forbidden)).Code);
    }

    [Fact]
    public async Task Erasure_needs_the_password_then_leaves_an_anonymous_participant_and_nothing_that_identifies_them()
    {
        var (email, client, activity) = await MemberWithHistory();
        var id = await App.UserIdAsync(email);

        using (var wrong = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password = "not-it" }) })
            Assert.Contains("password", (await (await client.SendAsync(wrong, Ct)).ExpectProblem(HttpStatusCode.BadRequest)).Errors!.Keys);
        using (var right = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password = TestApp.DemoPassword }) })
            await (await client.SendAsync(right, Ct)).ShouldBe(HttpStatusCode.NoContent);

        using (var login = App.Anonymous())
            Assert.Equal(HttpStatusCode.Unauthorized, (await login.PostAsJsonAsync("/api/auth/login", new { email, password = TestApp.DemoPassword }, Ct)).StatusCode);
        await App.WithDb(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Ct);
            Assert.Equal(MemberData.ErasedName, user.DisplayName);
            Assert.DoesNotContain("@", user.Email!.Replace("@erased.invalid", ""));
            Assert.Null(user.PasswordHash);
            // Still a participant: the registration is counted, with its public code, but nothing personal.
            var registration = await db.Registrations.AsNoTracking().SingleAsync(r => r.MemberId == id && r.ActivityId == activity, Ct);
            Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
            Assert.Equal("erased", registration.Contact.PhoneIndex);
            Assert.Null(registration.Contact.Email);
            using var scope = App.Services.CreateScope();
            var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
            Assert.Equal("", protector.Decrypt(registration.Contact.RealName, RegisterMember.NamePurpose));
            Assert.All(await db.Comments.AsNoTracking().Where(c => c.AuthorId == id).ToListAsync(Ct), c => Assert.Equal(MemberData.ErasedText, c.Body));
            Assert.Equal(0, await db.Notifications.CountAsync(n => n.UserId == id, Ct));
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Code == "member.erased" && a.SubjectId == id.ToString(), Ct);
            Assert.DoesNotContain("赵敏", entry.Data ?? "");
        });
    }
}

public sealed class MemberDataApiTests_Sqlite(SqliteApp app) : MemberDataApiTests(app), IClassFixture<SqliteApp>;
public sealed class MemberDataApiTests_Postgres(PostgresApp app) : MemberDataApiTests(app), IClassFixture<PostgresApp>;
