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
public abstract class CheatDetectionApiTests(TestApp app) : ParticipationTests(app)
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

    [Fact]
    public async Task A_copied_submission_opens_a_plagiarism_case_at_once_with_the_passages_side_by_side()
    {
        var id = await LiveActivity(ParticipationPlans.OpenNow(), "member150", "member151", "member152");
        var original = await Submit("member150", id, Essay);
        // Copied with a few words changed and a sentence added: still a near-duplicate.
        var copy = await Submit("member151", id, Essay.Replace("去年秋天", "前年冬天").Replace("两本书", "三本书") + "推荐大家都来参加！");
        await Submit("member152", id, Clinic);

        var @case = Assert.Single(await Cases(id), c => c.Rule == "plagiarism");
        Assert.Equal((CaseSubject.Submission, copy, original), (@case.Subject, @case.SubjectId, @case.MatchedId));
        Assert.Equal(await App.UserIdAsync("member151"), @case.MemberId);
        Assert.InRange(@case.Similarity!.Value, 0.5, 1.0);
        Assert.Equal(CaseStatus.Open, @case.Status);
        var submissions = await App.WithDb(db => db.Submissions.AsNoTracking().Where(s => s.ActivityId == id).ToListAsync(Ct));
        Assert.All(submissions, s => Assert.Equal(SubmissionStatus.Accepted, s.Status)); // nothing punished

        var html = await Html("/console/moderation");
        var side = html[html.IndexOf($"id=\"case-{@case.Id}-passages\"", StringComparison.Ordinal)..];
        Assert.Contains("<mark>", side);
        Assert.Contains(">前年冬<mark>", side); // the copy's own words unmarked … // the copy, with its own words unmarked …
        Assert.Contains("<mark>天我第一次参加社区的读书会", side); // … and the shared passage marked
        Assert.Contains("</mark>三<mark>", side);
        Assert.Contains("</mark>两<mark>", side); // the earlier one, beside it
        Assert.Contains("相似度", html);
    }

    [Fact]
    public async Task A_submission_copied_from_an_earlier_activity_is_found_and_different_essays_are_not()
    {
        var earlier = await LiveActivity(ParticipationPlans.OpenNow(), "member153");
        var original = await Submit("member153", earlier, OtherEssay + "这是我在上一期活动里写下的感想。");
        var later = await LiveActivity(ParticipationPlans.OpenNow(), "member154", "member155");
        var copy = await Submit("member154", later, OtherEssay + "这是我在这一期活动里写下的感想。");
        await Submit("member155", later, "楼下的空地改成了社区花园，每户认领一小块地，种番茄、辣椒和薄荷。周末大家一起浇水除草，孩子们第一次知道土豆是长在地下的。");

        var @case = Assert.Single(await Cases(later), c => c.Rule == "plagiarism");
        Assert.Equal((copy, original), (@case.SubjectId, @case.MatchedId));
        Assert.Contains(OtherEssay[..20], @case.Evidence);
    }

    [Fact]
    public async Task The_scan_finds_shared_emails_contacts_that_contradict_the_profile_or_history_and_another_members_email()
    {
        var first = await OpenActivity();
        await (await Register("member160", first, ContactOf(160, name: "张三"))).ShouldBe(HttpStatusCode.Created);
        await (await Register("member161", first, ContactOf(161, name: "赵六"))).ShouldBe(HttpStatusCode.Created);
        await SetVerifiedPhoneAsync("member162", "13700000162");

        var id = await OpenActivity();
        await (await Register("member160", id, ContactOf(160, name: "王五"))).ShouldBe(HttpStatusCode.Created);   // another name than before
        await (await Register("member161", id, ContactOf(161, name: "赵六"))).ShouldBe(HttpStatusCode.Created);   // the same name: fine
        await (await Register("member162", id, ContactOf(999))).ShouldBe(HttpStatusCode.Created);                   // not the verified phone
        await (await Register("member163", id, ContactOf(163, email: $"member170@{TestApp.Domain}"))).ShouldBe(HttpStatusCode.Created); // someone else's
        await (await Register("member164", id, ContactOf(164, email: "shared@example.com"))).ShouldBe(HttpStatusCode.Created);
        await (await Register("member165", id, ContactOf(165, email: "Shared@Example.com"))).ShouldBe(HttpStatusCode.Created); // same email
        await (await Register("member166", id, ContactOf(166, email: $"member166@{TestApp.Domain}"))).ShouldBe(HttpStatusCode.Created); // their own

        var outcome = await Scan(id);
        var cases = await Cases(id);
        async Task<string?> RuleOf(string m) { var member = await App.UserIdAsync(m); return cases.SingleOrDefault(c => c.MemberId == member)?.Rule; }

        Assert.Equal("name-changed", await RuleOf("member160"));
        Assert.Null(await RuleOf("member161"));
        Assert.Equal("verified-contact", await RuleOf("member162"));
        Assert.Equal("other-member-contact", await RuleOf("member163"));
        Assert.Equal("duplicate-account", await RuleOf("member164"));
        Assert.Equal("duplicate-account", await RuleOf("member165"));
        Assert.Null(await RuleOf("member166"));
        Assert.Equal((5, 2, 3), (outcome.Opened, outcome.DuplicateAccounts, outcome.Impersonation));
        var evidence = string.Join(" ", cases.Select(c => c.Evidence));
        Assert.DoesNotContain("13700000162", evidence); // masked, as staff see contact details elsewhere
        Assert.DoesNotContain("shared@example.com", evidence, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await Scan(id)).Opened);
    }

    private Task SetVerifiedPhoneAsync(string member, string phone) => App.WithDb(async db =>
    {
        var id = await App.UserIdAsync(member);
        var user = await db.Users.SingleAsync(u => u.Id == id, Ct);
        user.PhoneNumber = phone;
        user.PhoneNumberConfirmed = true;
        await db.SaveChangesAsync(Ct);
    });

    [Fact]
    public async Task A_member_disqualified_by_a_moderation_decision_is_not_among_the_draws_entrants()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow() with
        {
            Rewards = [new RewardSetting("幸运奖", RewardKind.Physical, 1, 99m, RewardRule.Draw)],
            Budget = [new BudgetLine(BudgetCategory.Rewards, 99m, "幸运奖 1 × 99")],
        });
        foreach (var n in new[] { 180, 181, 182 }) await (await Register($"member{n}", id, ContactOf(n))).ShouldBe(HttpStatusCode.Created);
        await (await Register("member183", id, ContactOf(180))).ShouldBe(HttpStatusCode.Created); // member180's phone
        await App.LaunchAsync(id);
        await Scan(id);
        var cheater = await App.UserIdAsync("member183");
        var @case = (await Cases(id)).Single(c => c.MemberId == cheater && c.Rule == "duplicate-account");
        var code = (await RegistrationsOf(id)).Single(r => r.MemberId == cheater).Code;

        await (await (await App.As("moderator")).PostJson($"/api/moderation/cases/{@case.Id}/decision", new { decision = "disqualify", note = "重复账号" }))
            .ShouldBe(HttpStatusCode.OK);
        await App.EndAsync(id);
        var draw = await (await (await App.As("planner")).PostJson($"/api/activities/{id}/draws",
            new { winnersCount = 1, publicEntropy = "", rewardName = "幸运奖" })).Expect<DrawView>(HttpStatusCode.Created);

        Assert.Equal(3, draw.Entrants.Count);
        Assert.DoesNotContain(code, draw.Entrants);
        Assert.Equal(RegistrationStatus.Disqualified, (await RegistrationsOf(id)).Single(r => r.MemberId == cheater).Status);
    }

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
