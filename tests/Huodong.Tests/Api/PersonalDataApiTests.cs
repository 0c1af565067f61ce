using System.Net;
using System.Security.Cryptography;
using System.Text;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>
/// M2.2 with S1.3 and S2.2: the real name, phone and email a member gives are never stored readable, and staff see
/// them only masked — in the list and in the CSV export — while members cannot list anyone.
/// </summary>
public abstract class PersonalDataApiTests(TestApp app) : ParticipationTests(app)
{
    private sealed record Row(string Code, RegistrationStatus Status, string Nickname, int Level, string RealName, string Phone, string? Email);

    /// <summary>Values no other row of the database could hold by chance.</summary>
    private static (string Name, string Phone, string Email) Distinctive()
    {
        var n = RandomNumberGenerator.GetInt32(10_000_000, 99_999_999);
        // Two rare characters picked by the random number, so the name is the test's own.
        var name = "欧阳" + (char)(0x4E00 + n % 5000) + (char)(0x4E00 + n / 5000 % 5000) + "测";
        return (name, $"137{n}", $"zhang.{n}@privacy-test.example");
    }

    private async Task<HttpResponseMessage> List(string account, Guid id) =>
        await (await App.As(account)).GetAsync($"/api/activities/{id}/registrations", Ct);

    private async Task<HttpResponseMessage> Export(string account, Guid id, string culture = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/activities/{id}/registrations/export.csv");
        request.Headers.AcceptLanguage.ParseAdd(culture);
        return await (await App.As(account)).SendAsync(request, Ct);
    }

    [Fact]
    public async Task The_name_phone_email_and_answers_given_at_registration_are_nowhere_in_the_database_in_clear()
    {
        var id = await OpenActivity();
        var (name, phone, email) = Distinctive();

        var answer = $"answer-{Guid.NewGuid():N}"; // the activity's own questions are protected like the contact details
        await Registered("member41", id, new { realName = name, phone, email, answers = new { shirtSize = answer } });

        var stored = await App.WithDb(db => db.Registrations.AsNoTracking().SingleAsync(r => r.ActivityId == id, Ct));
        Assert.StartsWith("v1:", stored.Contact.Phone); // encrypted, so the scan below looks at real ciphertext
        Assert.StartsWith("v1:", stored.Contact.RealName);
        Assert.StartsWith("v1:", stored.Contact.Email);
        Assert.StartsWith("v1:", stored.AnswersJson);
        var everything = App.Provider == DatabaseProvider.Sqlite ? await SqliteFileText() : await PostgresRowsText();
        Assert.DoesNotContain(phone, everything);
        Assert.DoesNotContain(phone[3..], everything); // without the prefix either
        Assert.DoesNotContain(name, everything);
        Assert.DoesNotContain(email, everything);
        Assert.DoesNotContain(email.ToUpperInvariant(), everything.ToUpperInvariant());
        Assert.DoesNotContain(answer, everything);
    }

    /// <summary>The raw bytes of the SQLite file and its write-ahead log, read as they lie on disk.</summary>
    private async Task<string> SqliteFileText()
    {
        var file = new SqliteConnectionStringBuilder(await App.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!))).DataSource;
        var bytes = new List<byte>();
        foreach (var path in new[] { file, file + "-wal" })
        {
            if (!File.Exists(path)) continue;
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, Ct);
            bytes.AddRange(buffer.ToArray());
        }
        Assert.True(bytes.Count > 100_000, $"the database files of {file} look empty");
        // Latin-1 keeps every byte as one char, so UTF-8 text (the name) is found as its byte sequence.
        return Encoding.Latin1.GetString(bytes.ToArray());
    }

    /// <summary>Every row of every table of the PostgreSQL database, as JSON text.</summary>
    private async Task<string> PostgresRowsText() => await App.WithDb(async db =>
    {
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
            .ToListAsync(Ct);
        Assert.Contains("Registrations", tables);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            // The table names come from the catalogue just read, not from any input.
#pragma warning disable EF1002
            var rows = await db.Database.SqlQueryRaw<string>($"SELECT row_to_json(t)::text AS \"Value\" FROM \"{table}\" t").ToListAsync(Ct);
#pragma warning restore EF1002
            foreach (var row in rows) text.AppendLine(row);
        }
        // Encoded in Latin-1 like the SQLite bytes, so the same needles (UTF-8 name) match the same way.
        return Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text.ToString()));
    });

    [Fact]
    public async Task The_team_sees_the_registrations_with_masked_name_phone_and_email()
    {
        var id = await OpenActivity();
        await Registered("member42", id, Contact("张小三", "138 1234 5678", "zhangxs@example.com"));
        await Registered("member43", id, Contact("李四", "+86 139-8765-4321"));

        var response = await List("planner", id);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var rows = (await response.Expect<Page<Row>>(HttpStatusCode.OK)).Items;

        Assert.Equal(2, rows.Count);
        Assert.Equal(("R000001", "张*三", "138****5678", "z*****s@example.com"), (rows[0].Code, rows[0].RealName, rows[0].Phone, rows[0].Email));
        Assert.Equal(("李*", "139****4321", (string?)null), (rows[1].RealName, rows[1].Phone, rows[1].Email));
        Assert.Equal("会员042", rows[0].Nickname);
        foreach (var clear in new[] { "张小三", "13812345678", "zhangxs@", "13987654321" }) Assert.DoesNotContain(clear, text);
    }

    [Theory]
    [InlineData("member44")]
    [InlineData("planner2")] // staff, but not on this activity's team
    public async Task Anyone_but_the_team_and_moderators_is_refused_the_list_and_the_export(string account)
    {
        var id = await OpenActivity();
        await Registered("member45", id);

        await (await List(account, id)).ShouldBe(HttpStatusCode.Forbidden);
        await (await Export(account, id)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_moderator_may_list_registrations()
    {
        var id = await OpenActivity();
        await Registered("member46", id);

        Assert.Single((await (await List("moderator", id)).Expect<Page<Row>>(HttpStatusCode.OK)).Items);
    }

    [Fact]
    public async Task The_csv_export_has_a_header_row_and_masked_values_only()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: 1, waitlist: true));
        await Registered("member47", id, Contact("张小三", "13812345678", "zhangxs@example.com"));
        await Registered("member48", id, Contact("Alice Wong", "13900001111"));

        var response = await Export("planner", id);
        await response.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8 BOM, so spreadsheets read the Chinese right
        Assert.Equal("Code,Status,Nickname,Level,Real name,Phone,Email,Registered at", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("R000001,Confirmed,会员047,", lines[1]);
        Assert.Contains(",张*三,138****5678,z*****s@example.com,", lines[1]);
        Assert.StartsWith("R000002,Waitlisted,", lines[2]);
        Assert.Contains(",A********g,139****1111,,", lines[2]);
        foreach (var clear in new[] { "张小三", "13812345678", "zhangxs", "Alice", "13900001111" }) Assert.DoesNotContain(clear, text);
    }

    [Fact]
    public async Task The_csv_header_and_statuses_follow_the_readers_language()
    {
        var id = await OpenActivity();
        await Registered("member49", id);

        var text = await (await Export("planner", id, "zh-CN")).Content.ReadAsStringAsync(Ct);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("编号,状态,昵称,等级,真实姓名,手机号,邮箱,报名时间", lines[0]);
        Assert.StartsWith("R000001,已确认,", lines[1]);
    }
}

public sealed class PersonalDataApiTests_Sqlite(SqliteApp app) : PersonalDataApiTests(app), IClassFixture<SqliteApp>;
public sealed class PersonalDataApiTests_Postgres(PostgresApp app) : PersonalDataApiTests(app), IClassFixture<PostgresApp>;
