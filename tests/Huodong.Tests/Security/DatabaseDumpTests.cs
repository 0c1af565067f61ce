using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Data;
using Huodong.Web.Evaluation.Feedback;
using Huodong.Web.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Huodong.Web.Planning;
using Huodong.Web.Rewards;
using Microsoft.Data.Sqlite;

namespace Huodong.Tests.Security;

/// <summary>
/// Issue 9 "done when": no plaintext personal value or confidential plan text in a dump of the whole database — the
/// SQLite file (after a WAL checkpoint, plus what is left in the WAL) and PostgreSQL's <c>pg_dump</c>. Every value is
/// a marker nothing else holds; each is looked for as UTF-8, as JSON-escaped text, and in SQLite also as UTF-16.
/// </summary>
public abstract class DatabaseDumpTests(TestApp app) : ParticipationTests(app)
{
    [Fact]
    public async Task A_dump_of_the_whole_database_holds_no_personal_value_and_no_confidential_plan_text()
    {
        var n = RandomNumberGenerator.GetInt32(10_000_000, 99_999_999);
        var rare = $"{(char)(0x4E00 + n % 5000)}{(char)(0x4E00 + n / 5000 % 5000)}";
        var personal = new Dictionary<string, string>
        {
            ["real name"] = "欧阳" + rare + "测",
            ["phone"] = $"137{n}",
            ["email"] = $"dump.{n}@privacy-test.example",
            ["personal answer"] = $"私密回答{rare}{n}",
            ["recipient"] = "收件" + rare,
            ["address phone"] = $"136{n}",
            ["address"] = $"上海市标记路{n}号",
            ["account email"] = $"account.{n}@privacy-test.example",
            ["account phone"] = $"135{n}",
            ["feedback"] = $"私下反馈{rare}{n}",
        };
        // The demo accounts' own emails (AspNetUsers is sealed too: S2.2 covers the account, not only registrations).
        foreach (var (email, _, _) in DemoSeed.Staff) personal[$"demo account {email}"] = email;
        foreach (var m in new[] { 1, 71, 200 }) personal[$"demo account member{m}"] = $"member{m}@{DemoSeed.Domain}";
        var confidential = new Dictionary<string, string>
        {
            ["risk"] = $"风险描述{rare}{n}",
            ["mitigation"] = $"缓解措施{n}",
            ["resources"] = $"资源说明{rare}{n}",
            ["internal note"] = $"内部备注{rare}{n}",
            ["review comment"] = $"评审意见{rare}{n}",
            ["review point comment"] = $"要点意见{n}",
        };

        const string prize = "保温杯";
        var plan = ParticipationPlans.Reply("打卡", 4) with
        {
            Rewards = [new RewardSetting(prize, RewardKind.Physical, 1, 59m, RewardRule.AllCompleters)],
            Budget = [new BudgetLine(BudgetCategory.Rewards, 59m, "奖品")],
            Risks = [new Risk(confidential["risk"], RiskLevel.Medium, RiskLevel.High, confidential["mitigation"])],
            Resources = new ResourcePlan { People = confidential["resources"], Materials = "海报", Notes = confidential["internal note"] },
        };
        var draft = await CreateDraft(plan);
        await Submit(draft.Id);
        var points = new JsonObject();
        foreach (var p in new[] { "theme", "content", "participation", "rewards", "resources", "risks" })
            points[p] = new JsonObject { ["ok"] = true, ["comment"] = p == "risks" ? confidential["review point comment"] : null };
        await (await (await Head).PostJson($"/api/activities/{draft.Id}/reviews",
            new JsonObject { ["decision"] = "pass", ["points"] = points, ["comment"] = confidential["review comment"] })).ShouldBe(HttpStatusCode.OK);
        await Review(draft.Id, "leader", "pass");
        var id = draft.Id;

        // A member who signs up through the API, signs in by email, and has a phone on the account.
        var accountPassword = $"Account-{n}-Sealed";
        (await App.Anonymous().PostAsJsonAsync("/api/auth/register", new { email = personal["account email"], password = accountPassword }, Ct))
            .EnsureSuccessStatusCode();
        (await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = personal["account email"].ToUpperInvariant(), password = accountPassword }, Ct))
            .EnsureSuccessStatusCode();
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByEmailAsync(personal["account email"]))!;
            Assert.True((await users.SetPhoneNumberAsync(account, personal["account phone"])).Succeeded);
            Assert.Equal(personal["account phone"], (await users.FindByIdAsync(account.Id.ToString()))!.PhoneNumber);
        }
        await (await (await Planner).PostJson($"/api/activities/{id}/materials",
            new { name = prize, kind = "Prize", quantityNeeded = 1, quantityInHand = 1, status = "Ready" })).ShouldBe(HttpStatusCode.Created);
        await Registered("member71", id, new
        {
            realName = personal["real name"], phone = personal["phone"], email = personal["email"],
            answers = new { motto = personal["personal answer"] },
        });
        await App.LaunchAsync(id);
        await (await (await App.As("member71")).PostJson($"/api/activities/{id}/submissions", new { content = "今天打卡完成了" })).ShouldBe(HttpStatusCode.Created);
        await App.EndAsync(id);
        await (await (await Planner).PostJson($"/api/activities/{id}/results/publish", null)).ShouldBe(HttpStatusCode.OK);
        var award = Assert.Single((await (await (await Planner).GetAsync($"/api/activities/{id}/awards", Ct)).Expect<AwardList>(HttpStatusCode.OK)).Items);
        await (await (await App.As("member71")).PutJson($"/api/awards/{award.Id}/address",
            new { recipient = personal["recipient"], phone = personal["address phone"], address = personal["address"] })).ShouldBe(HttpStatusCode.OK);
        // With an Idempotency-Key: the stored answer (replayed for a repeat) holds the feedback text, and is sealed too.
        var feedback = new { body = personal["feedback"] };
        var sent = await (await (await App.As("member71")).PostJson($"/api/activities/{id}/feedback", feedback, $"feedback-{n}"))
            .Expect<FeedbackThreadView>(HttpStatusCode.Created);
        Assert.Equal(personal["feedback"], sent.Body);
        var replay = await (await (await App.As("member71")).PostJson($"/api/activities/{id}/feedback", feedback, $"feedback-{n}"))
            .Expect<FeedbackThreadView>(HttpStatusCode.Created);
        Assert.Equal(sent.Id, replay.Id); // replayed from the stored (sealed) answer, not sent again
        Assert.True(await App.WithDb(db => db.IdempotencyRecords.AnyAsync(r => r.Key == $"feedback-{n}" && r.Body != null, Ct)));

        // The values are there and read back through the app: the scan below looks for something that exists.
        var read = await Get(id);
        Assert.Equal(confidential["risk"], Assert.Single(read.Risks!).Description);
        Assert.Equal(confidential["internal note"], read.Resources!.Notes);

        var (dump, sqlite) = App.Provider == DatabaseProvider.Sqlite ? (await SqliteBytes(), true) : (await PostgresDump(), false);
        var haystack = Encoding.Latin1.GetString(dump);
        Assert.Contains(Latin(Encoding.UTF8.GetBytes(read.Title!)), haystack); // a plain column is found: the scan works
        foreach (var (what, marker) in personal.Concat(confidential))
            foreach (var (encoding, needle) in Needles(marker, sqlite))
                Assert.False(haystack.Contains(needle, StringComparison.Ordinal), $"The {what} is in the dump in clear ({encoding}).");
    }

    private static string Latin(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    private static IEnumerable<(string, string)> Needles(string marker, bool sqlite)
    {
        yield return ("UTF-8", Latin(Encoding.UTF8.GetBytes(marker)));
        var escaped = JsonSerializer.Serialize(marker)[1..^1]; // how JSON columns hold non-ASCII text: \uXXXX
        if (escaped != marker) yield return ("JSON-escaped", Latin(Encoding.UTF8.GetBytes(escaped)));
        if (!sqlite) yield break;
        yield return ("UTF-16LE", Latin(Encoding.Unicode.GetBytes(marker)));
        yield return ("UTF-16BE", Latin(Encoding.BigEndianUnicode.GetBytes(marker)));
    }

    /// <summary>The SQLite file after a checkpoint moved the WAL into it, and whatever the WAL still holds.</summary>
    private async Task<byte[]> SqliteBytes()
    {
        var cs = await App.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using (var connection = new SqliteConnection(cs))
        {
            await connection.OpenAsync(Ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync(Ct);
        }
        var file = new SqliteConnectionStringBuilder(cs).DataSource;
        using var all = new MemoryStream();
        foreach (var path in new[] { file, file + "-wal" })
        {
            if (!File.Exists(path)) continue;
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await stream.CopyToAsync(all, Ct);
        }
        Assert.True(all.Length > 100_000, $"the database files of {file} look empty");
        return all.ToArray();
    }

    private async Task<byte[]> PostgresDump()
    {
        var cs = await App.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!));
        var (dump, unavailable) = await PostgresServer.DumpAsync(cs);
        if (dump is null)
        {
            if (PostgresServer.InfrastructureRequired) Assert.Fail(unavailable);
            Assert.Skip(unavailable!);
        }
        Assert.Contains("COPY public.\"Registrations\"", dump);
        return Encoding.UTF8.GetBytes(dump);
    }
}

public sealed class DatabaseDumpTests_Sqlite(SqliteApp app) : DatabaseDumpTests(app), IClassFixture<SqliteApp>;
public sealed class DatabaseDumpTests_Postgres(PostgresApp app) : DatabaseDumpTests(app), IClassFixture<PostgresApp>;
