using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Audit;
using Huodong.Web.Conduct.Cheating;
using Huodong.Web.People;
using Microsoft.AspNetCore.Http;
using Huodong.Web.Security;
using Huodong.Web.Security.Monitoring;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Security;

/// <summary>The app with small alert thresholds, so a test crosses them with a handful of requests.</summary>
public sealed class MonitoredSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SecurityAlertsApiTests.Thresholds(builder);
    }
}

public sealed class MonitoredPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SecurityAlertsApiTests.Thresholds(builder);
    }
}

/// <summary>
/// S1.2 / ASVS V16: anomalies raise security alerts through the real pipeline — failed sign-in bursts per account and
/// per network (parallel failures never make two alerts), a staff member revealing or exporting many personal records,
/// a registration burst from one network, a broken audit chain found by the scheduled verification — and admins (only)
/// acknowledge them with a note, audited.
/// </summary>
public abstract partial class SecurityAlertsApiTests(TestApp app) : ParticipationTests(app)
{
    public static void Thresholds(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:Alerts:AccountFailures", "5");
        builder.UseSetting("Security:Alerts:NetworkFailures", "8");
        builder.UseSetting("Security:Alerts:PersonalDataRecords", "5");
    }

    public sealed record AlertItem(Guid Id, string Kind, string Severity, string Subject, int Count, int WindowMinutes,
        DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string Status, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt,
        string? AcknowledgeNote);

    protected async Task<List<AlertItem>> Alerts(string status = "all") =>
        (await (await (await App.As("admin")).GetAsync($"/api/security/alerts?status={status}&pageSize=200", Ct))
            .Expect<Page<AlertItem>>(HttpStatusCode.OK)).Items.ToList();

    /// <summary>An anonymous client whose requests come from <paramref name="ip"/>.</summary>
    protected HttpClient FromAddress(string ip, string? token = null)
    {
        var client = new HttpClient(App.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse(ip)))
        {
            BaseAddress = App.Server.BaseAddress,
        };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>How an alert names the network of <paramref name="ip"/>: its keyed hash's prefix, never the address.</summary>
    private string NetworkLabel(string ip)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        return SignInWatch.NetworkLabel(App.Services.GetRequiredService<ClientFingerprint>().Of(http).Network!);
    }

    private Task<HttpResponseMessage> Login(string ip, string email, string password = "not-the-password-1") =>
        FromAddress(ip).PostJson("/api/auth/login", new { email, password });

    [Fact]
    public async Task Failed_sign_ins_in_parallel_on_one_account_raise_one_alert_with_their_count_and_no_plain_email()
    {
        var email = $"Target-{Guid.NewGuid():N}@Example.com";
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Login("203.0.113.7", email)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode)); // sign-in outcome unchanged
        var masked = PersonalData.MaskEmail(email.ToLowerInvariant());
        var alert = Assert.Single(await Alerts("open"), a => a.Kind == "FailedSignInsAccount" && a.Subject == masked);
        Assert.Equal(8, alert.Count);
        Assert.Equal("High", alert.Severity);
        var stored = await App.WithDb(db => db.Set<SignInAttempt>().AsNoTracking().ToListAsync(Ct));
        Assert.DoesNotContain(stored, a => a.AccountHash.Contains("target", StringComparison.OrdinalIgnoreCase));
        var raw = await App.WithDb(db => db.Set<SecurityAlert>().AsNoTracking().Where(a => a.Id == alert.Id).SingleAsync(Ct));
        Assert.DoesNotContain(email.ToLowerInvariant(), raw.Subject + raw.SubjectKey);
    }

    [Fact]
    public async Task Failures_across_accounts_from_one_network_raise_a_network_alert_and_a_success_raises_nothing()
    {
        await (await Login("198.18.4.9", $"admin@{TestApp.Domain}", TestApp.DemoPassword)).ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 8; i++) await (await Login($"198.18.4.{10 + i}", $"nobody{i}-{Guid.NewGuid():N}@example.com")).ShouldBe(HttpStatusCode.Unauthorized);

        var label = NetworkLabel("198.18.4.77");
        var network = Assert.Single(await Alerts("open"), a => a.Kind == "FailedSignInsNetwork" && a.Subject == label);
        Assert.Equal(8, network.Count);
        Assert.StartsWith("#", network.Subject);
        Assert.DoesNotContain("198.18", network.Subject);
        await (await Login("198.18.4.30", "again@example.com")).ShouldBe(HttpStatusCode.Unauthorized);
        var again = Assert.Single(await Alerts("open"), a => a.Id == network.Id);
        Assert.Equal(9, again.Count); // a later hit updates the open alert instead of opening another
    }

    [Fact]
    public async Task A_staff_member_revealing_many_personal_values_raises_an_alert_naming_them()
    {
        var id = await OpenActivity();
        var members = new[] { "member121", "member122", "member123" };
        for (var i = 0; i < members.Length; i++) await Registered(members[i], id, Contact("王五", $"1380000{i:0000}"));
        var registrations = await RegistrationsOf(id);
        var name = $"revealer{Guid.NewGuid():N}"[..14];
        var staff = await App.As(await App.CreateStaffAsync(name, Roles.Moderator));

        foreach (var r in registrations)
            foreach (var field in new[] { "realName", "phone" })
                await (await staff.PostJson("/api/personal-data/reveal",
                    new { subjectType = "registration", subjectId = r.Id, field, reason = "核对报名信息是否一致" })).ShouldBe(HttpStatusCode.OK);

        var alert = Assert.Single(await Alerts("open"), a => a.Kind == "PersonalDataBurst" && a.Subject == name);
        Assert.Equal(6, alert.Count);
    }

    [Fact]
    public async Task An_unmasked_export_of_many_registrations_counts_each_record_towards_the_alert()
    {
        var id = await OpenActivity();
        for (var n = 131; n <= 135; n++) await Registered($"member{n}", id, Contact("赵六", $"1390000{n:0000}"));
        var name = $"exporter{Guid.NewGuid():N}"[..14];
        var moderator = await App.As(await App.CreateStaffAsync(name, Roles.Moderator));

        await (await moderator.GetAsync($"/api/activities/{id}/registrations/export.csv?reason={Uri.EscapeDataString("核对中奖名单")}", Ct))
            .ShouldBe(HttpStatusCode.OK);

        var alert = Assert.Single(await Alerts("open"), a => a.Kind == "PersonalDataBurst" && a.Subject == name);
        Assert.Equal(5, alert.Count);
    }

    [Fact]
    public async Task A_registration_burst_from_one_network_raises_one_alert_beside_the_conduct_cases()
    {
        var id = await OpenActivity();
        for (var n = 141; n <= 145; n++)
        {
            var token = (await App.As($"member{n}")).DefaultRequestHeaders.Authorization!.Parameter;
            await (await FromAddress($"192.0.2.{n - 100}", token).PostJson($"/api/activities/{id}/registrations",
                Contact("钱七", $"1370000{n:0000}"))).ShouldBe(HttpStatusCode.Created);
        }

        var alert = Assert.Single(await Alerts("open"), a => a.Kind == "RegistrationBurst" && a.Subject == NetworkLabel("192.0.2.1"));
        Assert.Equal(5, alert.Count);
        var cases = await App.WithDb(db => db.ModerationCases.CountAsync(c => c.ActivityId == id && c.Rule == "burst", Ct));
        Assert.Equal(5, cases); // the conduct detection is unchanged: it found the burst once, for both
    }

    [Fact]
    public async Task The_scheduled_verification_finds_a_tampered_audit_entry_and_raises_a_critical_alert_naming_it()
    {
        const long tampered = 7;
        using var scope = App.Services.CreateScope();
        var job = ActivatorUtilities.CreateInstance<AuditVerifyJob>(scope.ServiceProvider);
        var original = await App.WithDb(db => db.AuditEntries.Where(e => e.Sequence == tampered).Select(e => e.Code).SingleAsync(Ct));
        try
        {
            await App.WithDb(db => db.AuditEntries.Where(e => e.Sequence == tampered)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Code, "activity.tampered"), Ct));
            await job.Execute(null!, Ct);

            var alert = Assert.Single(await Alerts("open"), a => a.Kind == "AuditChainBroken");
            Assert.Equal(("Critical", $"#{tampered} (altered-entry)"), (alert.Severity, alert.Subject));
            var check = await App.WithDb(db => db.Set<AuditChainCheck>().OrderByDescending(c => c.Id).FirstAsync(Ct));
            Assert.Equal((false, (long?)tampered), (check.Ok, check.BrokenAt));
            var page = await Html("admin", "/console/security/alerts");
            Assert.Contains($"#{tampered}", page);
        }
        finally
        {
            await App.WithDb(db => db.AuditEntries.Where(e => e.Sequence == tampered)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Code, original), Ct));
        }
        using var after = App.Services.CreateScope();
        var intact = await after.ServiceProvider.GetRequiredService<AuditChainWatch>().RunAsync(Ct);
        Assert.True(intact.Ok);
    }

    protected async Task<string> Html(string account, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await (await App.As(account)).SendAsync(request, Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
