using System.Net;
using System.Net.Http.Headers;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Conduct;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Rewards;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Conduct;

/// <summary>
/// M3.3 cheat detection through the real pipeline: bursts and shared devices at registration time, plagiarism when a
/// submission is stored (in the activity and against earlier ones), impersonation and duplicate accounts by the scan.
/// Every detector only opens cases; a disqualification decided on one really removes the member from the draw.
/// </summary>
public abstract partial class CheatDetectionApiTests(TestApp app) : ParticipationTests(app)
{
    private const string Essay =
        "去年秋天我第一次参加社区的读书会，大家围坐在图书馆二楼的长桌旁，轮流分享自己最近读过的书。有人讲历史，有人讲科幻，" +
        "还有一位退休的老师带来了她年轻时抄写的诗集。那天晚上回家的路上，我决定每个月至少读完两本书，并把读书笔记写下来分享给邻居们。";
    private const string OtherEssay =
        "我们小区的垃圾分类推行了半年，起初很多人嫌麻烦，志愿者每天早晚守在投放点耐心讲解。后来物业在每栋楼下装了提示牌，" +
        "孩子们还自发做了分类小报贴在电梯里。现在厨余垃圾的分出率明显提高，楼道也比以前干净多了，邻里之间的交流也多了起来。";

    private const string Clinic = "社区开展的义诊活动请来了三位医生，给老人们量血压、测血糖，还讲解了冬季防滑倒的注意事项，大家都说很实用。";

    /// <summary>A client signed in as <paramref name="member"/> whose requests come from <paramref name="ip"/>, with a device cookie.</summary>
    private async Task<HttpClient> From(string member, string ip, string? device = null)
    {
        var token = (await App.As(member)).DefaultRequestHeaders.Authorization;
        var client = new HttpClient(App.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse(ip)))
        {
            BaseAddress = App.Server.BaseAddress,
        };
        client.DefaultRequestHeaders.Authorization = token;
        if (device is not null) client.DefaultRequestHeaders.Add("Cookie", $"huodong.device={device}");
        return client;
    }

    private static object ContactOf(int n, string name = "李四", string? email = null) => Contact(name, $"1370000{n:0000}", email);

    private async Task RegisterFrom(string member, Guid activityId, string ip, string? device = null, object? contact = null) =>
        await (await (await From(member, ip, device)).PostJson($"/api/activities/{activityId}/registrations",
            contact ?? ContactOf(int.Parse(member[6..])))).ShouldBe(HttpStatusCode.Created);

    private async Task<List<CaseView>> Cases(Guid activityId) =>
        (await (await (await App.As("moderator")).GetAsync($"/api/moderation/cases?activityId={activityId}&pageSize=100", Ct))
            .Expect<Page<CaseView>>(HttpStatusCode.OK)).Items;

    private async Task<ScanOutcome> Scan(Guid activityId) =>
        await (await (await App.As("moderator")).PostJson($"/api/activities/{activityId}/conduct/scan", null)).Expect<ScanOutcome>(HttpStatusCode.OK);

    private async Task<Guid> Submit(string member, Guid activityId, string content) =>
        (await (await (await App.As(member)).PostJson($"/api/activities/{activityId}/submissions", new { content }))
            .Expect<SubmissionId>(HttpStatusCode.Created)).Id;

    private sealed record SubmissionId(Guid Id);

    private static string Device() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Five_registrations_from_one_network_within_seconds_open_a_burst_case_each_and_punish_nobody()
    {
        var id = await OpenActivity();
        var members = Enumerable.Range(11, 5).Select(n => $"member1{n}").ToList(); // member111 … member115
        for (var i = 0; i < members.Count; i++) await RegisterFrom(members[i], id, $"198.51.100.{10 + i}", Device());

        var bursts = (await Cases(id)).Where(c => c.Rule == "burst").ToList();
        var registrations = await RegistrationsOf(id);

        Assert.Equal(5, bursts.Count);
        Assert.All(bursts, c => Assert.Equal((CaseSubject.Registration, ConductCategory.Cheating), (c.Subject, c.Category)));
        Assert.All(registrations, r => Assert.Contains(r.Code, bursts[0].Evidence)); // each case lists the whole burst
        Assert.All(registrations, r => Assert.Equal(RegistrationStatus.Confirmed, r.Status)); // nothing punished
        var traces = await App.WithDb(db => db.ClientTraces.AsNoTracking().Where(t => t.ActivityId == id).ToListAsync(Ct));
        Assert.Equal(5, traces.Count);
        Assert.Single(traces.Select(t => t.NetworkHash).Distinct()); // one /24
        Assert.All(traces, t => Assert.DoesNotContain("198.51", t.NetworkHash!)); // keyed hashes, never the address
    }

    [Fact]
    public async Task The_scan_finds_bursts_and_shared_devices_in_the_recorded_traces()
    {
        var id = await OpenActivity();
        var members = Enumerable.Range(190, 7).Select(n => $"member{n}").ToList();
        foreach (var m in members) await (await Register(m, id, ContactOf(int.Parse(m[6..])))).ShouldBe(HttpStatusCode.Created);
        // Traces as registration time records them (the test server's requests carry no address of their own).
        await App.WithDb(async db =>
        {
            var registrations = await db.Registrations.Where(r => r.ActivityId == id).OrderBy(r => r.Number).ToListAsync(Ct);
            var start = DateTimeOffset.UtcNow;
            for (var i = 0; i < 5; i++)
                db.ClientTraces.Add(new Huodong.Web.Conduct.Cheating.ClientTrace(Huodong.Web.Conduct.Cheating.TraceKind.Registration,
                    registrations[i].MemberId, id, registrations[i].Id, "net-a", null, start.AddSeconds(2 * i)));
            foreach (var r in registrations.Skip(5))
                db.ClientTraces.Add(new Huodong.Web.Conduct.Cheating.ClientTrace(Huodong.Web.Conduct.Cheating.TraceKind.Registration,
                    r.MemberId, id, r.Id, "net-" + r.Number, "device-x", start.AddMinutes(5)));
            await db.SaveChangesAsync(Ct);
        });

        var outcome = await Scan(id);

        Assert.Equal((5, 2), (outcome.Bursts, outcome.SharedDevices));
        Assert.Equal(0, outcome.DuplicateAccounts);
        Assert.Equal(0, (await Scan(id)).Opened);
    }

    [Fact]
    public async Task Members_on_different_networks_and_devices_are_neither_a_burst_nor_a_cluster()
    {
        var id = await OpenActivity();
        // Members in no other activity (the demo's closed check-in took member101–member120).
        for (var i = 0; i < 4; i++) await RegisterFrom($"member19{i}", id, $"192.0.2.{20 + i}", Device()); // four on one network: under the threshold
        await RegisterFrom("member194", id, "203.0.113.9", Device());
        await RegisterFrom("member195", id, "2001:db8:aaaa:1::5", Device());
        await RegisterFrom("member196", id, "2001:db8:bbbb:1::5", Device());

        Assert.Empty(await Cases(id));
        var scan = await Scan(id);
        Assert.Equal(0, scan.Opened);
    }

    [Fact]
    public async Task Accounts_sharing_a_device_open_a_case_for_each_of_their_registrations()
    {
        var id = await OpenActivity();
        var device = Device();
        await RegisterFrom("member130", id, "203.0.113.30", device);
        Assert.Empty(await Cases(id)); // one account on a device is just a member
        await RegisterFrom("member131", id, "198.18.0.31", device);
        await RegisterFrom("member132", id, "198.18.7.32", Device());

        var shared = (await Cases(id)).Where(c => c.Rule == "shared-device").ToList();

        var expected = new[] { await App.UserIdAsync("member130"), await App.UserIdAsync("member131") };
        Assert.Equal(expected.Order(), shared.Select(c => c.MemberId).Order());
        Assert.All(shared, c => Assert.Equal(CaseSubject.Registration, c.Subject));
    }

    [Fact]
    public async Task A_device_seen_at_a_cookie_sign_in_with_another_account_counts_too()
    {
        var id = await OpenActivity();
        var device = Device();
        using (var browser = new HttpClient(App.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.40")))
               { BaseAddress = App.Server.BaseAddress })
        {
            var (token, antiforgeryCookie) = await Antiforgery(browser, device);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = $"member140@{TestApp.Domain}", ["Password"] = TestApp.DemoPassword, ["__RequestVerificationToken"] = token,
                }),
            };
            request.Headers.Add("Cookie", $"huodong.device={device}; {antiforgeryCookie}");
            var signIn = await browser.SendAsync(request, Ct);
            Assert.True(signIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"sign-in answered {(int)signIn.StatusCode}");
        }
        await RegisterFrom("member141", id, "203.0.113.41", device);

        var shared = Assert.Single(await Cases(id), c => c.Rule == "shared-device");
        Assert.Equal(await App.UserIdAsync("member141"), shared.MemberId);
        Assert.Contains("(2)", shared.Evidence); // two accounts on the device
    }

    private async Task<(string Token, string Cookie)> Antiforgery(HttpClient browser, string device)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", $"huodong.device={device}");
        var response = await browser.SendAsync(request, Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        var at = page.IndexOf("name=\"__RequestVerificationToken\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "the login form has an antiforgery token");
        var value = page.IndexOf("value=\"", at, StringComparison.Ordinal) + 7;
        return (page[value..page.IndexOf('"', value)], cookie[..cookie.IndexOf(';')]);
    }

    private Task SetVerifiedPhoneAsync(string member, string phone) => App.WithDb(async db =>
    {
        var id = await App.UserIdAsync(member);
        var user = await db.Users.SingleAsync(u => u.Id == id, Ct);
        user.PhoneNumber = phone;
        user.PhoneNumberConfirmed = true;
        await db.SaveChangesAsync(Ct);
    });

    private async Task<string> Html(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await (await App.As("moderator")).SendAsync(request, Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}

public sealed class CheatDetectionApiTests_Sqlite(SqliteApp app) : CheatDetectionApiTests(app), IClassFixture<SqliteApp>;
public sealed class CheatDetectionApiTests_Postgres(PostgresApp app) : CheatDetectionApiTests(app), IClassFixture<PostgresApp>;
