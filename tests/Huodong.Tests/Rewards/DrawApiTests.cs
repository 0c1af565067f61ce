using System.Net;
using System.Text.Json.Nodes;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Planning;
using Huodong.Web.Rewards;
using Huodong.Web.Data;
using Huodong.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Rewards;

/// <summary>Draws through the API (DRAW.md, API.md "Results") on a real database: commit, reveal, read, redraw.</summary>
public abstract partial class DrawApiTests(TestApp app) : ParticipationTests(app)
{
    public const string Reward = "幸运奖 手环";

    private static Plan LotteryPlan() => ParticipationPlans.OpenNow() with
    {
        Rewards = [new RewardSetting(Reward, RewardKind.Physical, 3, 199m, RewardRule.Draw)],
        Budget = [new BudgetLine(BudgetCategory.Rewards, 597m, "手环 3 × 199")],
    };

    /// <summary>An Ended activity; <paramref name="cancelled"/> registered and then cancelled before it ran.</summary>
    private async Task<Guid> EndedActivity(string[] confirmed, params string[] cancelled)
    {
        var id = await OpenActivity(LotteryPlan());
        foreach (var m in confirmed.Concat(cancelled)) await (await Register(m, id)).ShouldBe(HttpStatusCode.Created);
        foreach (var m in cancelled) await (await CancelMine(m, id)).ShouldBe(HttpStatusCode.OK);
        await App.LaunchAsync(id);
        await App.EndAsync(id);
        return id;
    }

    private static string[] Members(int from, int count) => Enumerable.Range(from, count).Select(i => $"member{i}").ToArray();

    private async Task<HttpResponseMessage> Create(Guid activityId, object body, string by = "planner") =>
        await (await App.As(by)).PostJson($"/api/activities/{activityId}/draws", body);

    private async Task<DrawView> Committed(Guid activityId, int k = 3, string entropy = "", string? reward = Reward) =>
        await (await Create(activityId, new { winnersCount = k, publicEntropy = entropy, rewardName = reward })).Expect<DrawView>(HttpStatusCode.Created);

    private async Task<HttpResponseMessage> Reveal(Guid drawId, string by = "planner") =>
        await (await App.As(by)).PostJson($"/api/draws/{drawId}/reveal", null);

    [Fact]
    public async Task The_team_commits_a_draw_over_the_codes_of_confirmed_registrations_only()
    {
        var id = await EndedActivity(Members(101, 5), "member106");
        var codes = (await RegistrationsOf(id)).Where(r => r.Status == Web.Participation.RegistrationStatus.Confirmed)
            .Select(r => r.Code).Order(StringComparer.Ordinal).ToList();

        var response = await Create(id, new { winnersCount = 2, publicEntropy = "上证指数 2026-11-27 收盘", rewardName = Reward });
        var draw = await response.Expect<DrawView>(HttpStatusCode.Created);

        Assert.Equal($"/api/draws/{draw.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(DrawStatus.Committed, draw.Status);
        Assert.Equal("huodong-draw-v1", draw.Algorithm);
        Assert.Equal(5, draw.Entrants.Count);
        Assert.Equal(codes, draw.Entrants);
        Assert.Equal(DrawProtocol.EntrantsHash(codes), draw.EntrantsHash);
        Assert.Matches("^[0-9a-f]{64}$", draw.Commitment);
        Assert.Null(draw.Seed);
        Assert.Null(draw.Winners);
        Assert.Equal(Reward, draw.RewardName);
    }

    [Fact]
    public async Task The_seed_is_kept_encrypted_until_the_reveal_and_then_matches_the_commitment()
    {
        var id = await EndedActivity(Members(111, 4));
        var draw = await Committed(id, k: 2);

        var stored = await App.WithDb(db => db.Draws.AsNoTracking().SingleAsync(d => d.Id == draw.Id, Ct));
        Assert.Null(stored.Seed);
        Assert.StartsWith("v1:", stored.SealedSeed);
        var anonymous = await (await App.Anonymous().GetAsync($"/api/draws/{draw.Id}", Ct)).Expect<JsonObject>(HttpStatusCode.OK);
        Assert.Null(anonymous["seed"]);
        Assert.Equal("Committed", (string?)anonymous["status"]);

        var revealed = await (await Reveal(draw.Id)).Expect<DrawView>(HttpStatusCode.OK);

        var seed = Convert.FromHexString(revealed.Seed!);
        Assert.Equal(draw.Commitment, DrawProtocol.Commitment(seed));
        Assert.DoesNotContain(revealed.Seed!, stored.SealedSeed);
        Assert.Equal(DrawProtocol.Winners(draw.Entrants, seed, "", 2), revealed.Winners);
        Assert.Null((await App.WithDb(db => db.Draws.AsNoTracking().SingleAsync(d => d.Id == draw.Id, Ct))).SealedSeed);
    }

    [Fact]
    public async Task Anyone_reads_a_revealed_draw_and_the_independent_verifier_agrees_with_it()
    {
        var id = await EndedActivity(Members(121, 6));
        var draw = await Committed(id, k: 3, entropy: "🎲 3412.56");
        await (await Reveal(draw.Id)).ShouldBe(HttpStatusCode.OK);

        var response = await App.Anonymous().GetAsync($"/api/draws/{draw.Id}", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync(Ct);
        var read = await response.Read<DrawView>();

        Assert.Equal(DrawStatus.Revealed, read.Status);
        Assert.Equal(3, read.Winners!.Count);
        var (code, output) = await DrawVerifierScript.RunOnAsync(json);
        Assert.True(code == 0, output);

        var tampered = JsonNode.Parse(json)!;
        tampered["entrants"]![0] = "R999999";
        Assert.Equal(1, (await DrawVerifierScript.RunOnAsync(tampered.ToJsonString())).ExitCode);
    }

    [Fact]
    public async Task Creating_and_revealing_are_audited()
    {
        var id = await EndedActivity(Members(131, 3));
        var draw = await Committed(id, k: 1);
        await (await Reveal(draw.Id)).ShouldBe(HttpStatusCode.OK);

        var codes = await App.WithDb(db => db.AuditEntries.AsNoTracking().Where(a => a.SubjectType == "draw" && a.SubjectId == draw.Id.ToString())
            .OrderBy(a => a.Sequence).Select(a => a.Code).ToListAsync(Ct));
        Assert.Equal(["draw.created", "draw.revealed"], codes);
        Assert.Contains("\"ok\":true", await (await Admin).GetStringAsync("/api/audit/verify", Ct));
    }

    [Fact]
    public async Task Revealing_twice_is_a_conflict()
    {
        var id = await EndedActivity(Members(141, 3));
        var draw = await Committed(id, k: 1);
        await (await Reveal(draw.Id)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("already-revealed", (await (await Reveal(draw.Id)).ExpectProblem(HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task Of_two_reveals_at_once_exactly_one_wins()
    {
        var id = await EndedActivity(Members(146, 4));
        var draw = await Committed(id, k: 2);
        var planner = await Planner;

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => planner.PostJson($"/api/draws/{draw.Id}/reveal", null)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var revealed = await App.WithDb(db => db.AuditEntries.AsNoTracking()
            .CountAsync(a => a.Code == "draw.revealed" && a.SubjectId == draw.Id.ToString(), Ct));
        Assert.Equal(1, revealed);
    }

    [Fact]
    public async Task A_reveal_from_a_stale_read_changes_nothing_because_the_update_is_conditional()
    {
        var id = await EndedActivity(Members(186, 3));
        var draw = await Committed(id, k: 1);
        var planner = await App.UserIdAsync("planner");
        using var first = App.Services.CreateScope();
        using var second = App.Services.CreateScope();
        var db1 = first.ServiceProvider.GetRequiredService<HuodongDb>();
        var db2 = second.ServiceProvider.GetRequiredService<HuodongDb>();
        var d1 = await db1.Draws.SingleAsync(d => d.Id == draw.Id, Ct);
        var d2 = await db2.Draws.SingleAsync(d => d.Id == draw.Id, Ct);
        var seed = Convert.FromHexString(first.ServiceProvider.GetRequiredService<FieldProtector>()
            .Decrypt(d1.SealedSeed!, CreateDraw.SeedPurpose(d1.Id)));

        Assert.True(d1.Reveal(seed, planner, DateTimeOffset.UtcNow).IsOk);
        Assert.True(d2.Reveal(seed, planner, DateTimeOffset.UtcNow).IsOk); // both saw it Committed
        await db1.SaveChangesAsync(Ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync(Ct));
    }

    private async Task<string> Html(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await client.SendAsync(request, Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}

public sealed class DrawApiTests_Sqlite(SqliteApp app) : DrawApiTests(app), IClassFixture<SqliteApp>;
public sealed class DrawApiTests_Postgres(PostgresApp app) : DrawApiTests(app), IClassFixture<PostgresApp>;
