using System.Net;
using System.Text.Json;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Huodong.Web.Security.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Security;

/// <summary>
/// PIPL art. 19/47: registrants' personal data is erased <c>Security:Retention:RegistrationDays</c> (180) after the
/// activity closed — the stored columns themselves, not only what pages show — while the registrations, their counts
/// and the activity's metrics stay as they were; newer activities are untouched and a second run does nothing.
/// </summary>
public abstract class RetentionApiTests(TestApp app) : ParticipationTests(app)
{
    private async Task<Guid> ClosedActivity(int daysAgo, params int[] members)
    {
        var id = await OpenActivity();
        foreach (var n in members)
            await Registered($"member{n}", id, new { realName = "周八", phone = $"1360000{n:0000}", email = $"m{n}@example.com", answers = new { size = "L" } });
        var planner = await App.UserIdAsync("planner");
        // Closing for real needs results, settlement and a summary; the rule under test only reads the closed state and when.
        await App.WithDb(async db =>
        {
            await db.Activities.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Closed), Ct);
            db.Transitions.Add(new Transition(id, "activity.closed", ActivityStatus.Ended, ActivityStatus.Closed, planner,
                DateTimeOffset.UtcNow.AddDays(-daysAgo), 1, null, null));
            await db.SaveChangesAsync(Ct);
        });
        return id;
    }

    private async Task<RetentionOutcome> RunRetention()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrationRetention>().RunAsync(Ct);
    }

    private async Task<JsonElement> Metrics(Guid id)
    {
        var json = await (await (await Planner).GetAsync($"/api/activities/{id}/metrics", Ct)).Expect<JsonElement>(HttpStatusCode.OK);
        return json;
    }

    [Fact]
    public async Task Personal_data_of_activities_closed_longer_than_the_retention_is_erased_in_the_database_and_counts_stay()
    {
        var old = await ClosedActivity(200, 151, 152, 153);
        var recent = await ClosedActivity(10, 154, 155);
        var metricsBefore = await Metrics(old);
        var statusesBefore = (await RegistrationsOf(old)).Select(r => (r.Number, r.Status)).ToList();

        var outcome = await RunRetention();

        Assert.True(outcome.Registrations >= 3);
        var protector = App.Services.GetRequiredService<FieldProtector>();
        var erased = await RegistrationsOf(old);
        Assert.Equal(statusesBefore, erased.Select(r => (r.Number, r.Status)).ToList()); // rows, numbers and statuses stay
        Assert.All(erased, r =>
        {
            Assert.Equal("", protector.Decrypt(r.Contact.RealName, RegisterMember.NamePurpose));
            Assert.Equal("", protector.Decrypt(r.Contact.Phone, RegisterMember.PhonePurpose));
            Assert.Equal((RegistrationRetention.ErasedMarker, null, null, null), (r.Contact.PhoneIndex, r.Contact.Email, r.Contact.EmailIndex, r.AnswersJson));
        });
        var kept = await RegistrationsOf(recent);
        Assert.All(kept, r =>
        {
            Assert.Equal("周八", protector.Decrypt(r.Contact.RealName, RegisterMember.NamePurpose));
            Assert.NotNull(r.Contact.Email);
            Assert.NotNull(r.AnswersJson);
        });
        var metricsAfter = await Metrics(old);
        foreach (var field in new[] { "participants", "eligibleMembers", "participationRate", "interactions" })
            Assert.Equal(metricsBefore.GetProperty(field).ToString(), metricsAfter.GetProperty(field).ToString());

        var entry = await App.WithDb(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Code == RegistrationRetention.ErasedCode && e.SubjectId == old.ToString(), Ct));
        Assert.Contains("\"registrations\":3", entry.Data);
        Assert.DoesNotContain("周八", entry.Data);
        var page = await (await (await Planner).GetAsync($"/console/activities/{old}/registrations", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("erasure-notice", page);
        var recentPage = await (await (await Planner).GetAsync($"/console/activities/{recent}/registrations", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("erasure-notice", recentPage);

        var again = await RunRetention();
        Assert.Equal(new RetentionOutcome(0, 0), again);
        Assert.Equal(1, await App.WithDb(db => db.AuditEntries.CountAsync(e => e.Code == RegistrationRetention.ErasedCode && e.SubjectId == old.ToString(), Ct)));
    }
}

public sealed class SecurityAlertsApiTests_Sqlite(MonitoredSqliteApp app) : SecurityAlertsApiTests(app), IClassFixture<MonitoredSqliteApp>;
public sealed class SecurityAlertsApiTests_Postgres(MonitoredPostgresApp app) : SecurityAlertsApiTests(app), IClassFixture<MonitoredPostgresApp>;
public sealed class RetentionApiTests_Sqlite(SqliteApp app) : RetentionApiTests(app), IClassFixture<SqliteApp>;
public sealed class RetentionApiTests_Postgres(PostgresApp app) : RetentionApiTests(app), IClassFixture<PostgresApp>;
