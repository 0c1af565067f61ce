using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Huodong.Tests.Api;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;
using Huodong.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Security;

/// <summary>
/// The account's own personal data (S2.2, ASVS V14.2): AspNetUsers holds the user name, email and phone sealed and the
/// normalised columns as a keyed hash, through the real sign-up, sign-in and Identity store; rows from before are
/// sealed at start; the lookup hash cannot be turned back.
/// </summary>
public abstract class AccountProtectionTests(TestApp app) : ApiTests(app)
{
    private sealed record RawAccount(string? UserName, string? NormalizedUserName, string? Email, string? NormalizedEmail, string? PhoneNumber);

    private Task<RawAccount> Raw(Guid id) => App.WithDb(async db =>
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = """SELECT "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "PhoneNumber" FROM "AspNetUsers" WHERE "Id" = @id""";
        var p = cmd.CreateParameter();
        p.ParameterName = "@id";
        p.Value = IdParam(db, id);
        cmd.Parameters.Add(p);
        await db.Database.OpenConnectionAsync(Ct);
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        Assert.True(await r.ReadAsync(Ct));
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new RawAccount(S(0), S(1), S(2), S(3), S(4));
    });

    /// <summary>How the provider stores a Guid key: PostgreSQL uuid, SQLite upper-case text.</summary>
    private static object IdParam(Microsoft.EntityFrameworkCore.DbContext db, Guid id) =>
        db.Database.IsNpgsql() ? id : id.ToString().ToUpperInvariant();

    private static string NewEmail() => $"Sealed.{RandomNumberGenerator.GetHexString(10)}@Account-Test.example";

    private async Task<HttpResponseMessage> SignUp(string email, string password) =>
        await App.Anonymous().PostAsJsonAsync("/api/auth/register", new { email, password }, Ct);

    private async Task<HttpResponseMessage> SignIn(string email, string password) =>
        await App.Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);

    [Fact]
    public async Task A_member_who_signs_up_is_stored_sealed_and_signs_in_by_email_in_any_case()
    {
        var email = NewEmail();
        const string password = "Sealed-Account-2026";
        (await SignUp(email, password)).EnsureSuccessStatusCode();

        await (await SignIn(email.ToLowerInvariant(), password)).ShouldBe(HttpStatusCode.OK);
        await (await SignIn(email.ToUpperInvariant(), password)).ShouldBe(HttpStatusCode.OK);
        await (await SignIn(email, "Wrong-Password-2026")).ShouldBe(HttpStatusCode.Unauthorized);

        var id = await App.WithDb(db =>
        {
            var key = db.AccountKey(email);
            return db.Users.Where(u => u.NormalizedEmail == key).Select(u => u.Id).SingleAsync(Ct);
        });
        var raw = await Raw(id);
        Assert.StartsWith("v1:", raw.Email);
        Assert.StartsWith("v1:", raw.UserName);
        Assert.DoesNotContain(email.ToUpperInvariant(), raw.NormalizedEmail!);
        Assert.Matches("^[0-9a-f]{64}$", raw.NormalizedEmail!);
        Assert.Equal(raw.NormalizedEmail, raw.NormalizedUserName); // the user name is the email
        // Read through the store, the values are plain again.
        var read = await App.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Ct));
        Assert.Equal(email, read.Email);
        Assert.Equal(email, read.UserName);
    }

    [Fact]
    public async Task A_second_sign_up_with_the_same_email_in_another_case_is_refused()
    {
        var email = NewEmail();
        (await SignUp(email, "Sealed-Account-2026")).EnsureSuccessStatusCode();

        var again = await SignUp(email.ToUpperInvariant(), "Another-Password-2026");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("DuplicateUserName", await again.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_account_stored_in_clear_before_sealing_is_sealed_at_start_and_still_signs_in()
    {
        var email = NewEmail();
        const string password = "Legacy-Account-2026";
        (await SignUp(email, password)).EnsureSuccessStatusCode();
        var phone = "13712345678";
        var id = await App.WithDb(db =>
        {
            var key = db.AccountKey(email);
            return db.Users.Where(u => u.NormalizedEmail == key).Select(u => u.Id).SingleAsync(Ct);
        });
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            Assert.True((await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", "LEGACYKEY234567")).Succeeded);
        }
        // As a database from before ProtectPersonalData holds it: everything in clear.
        await App.WithDb(db => db.Database.ExecuteSqlRawAsync("""
            UPDATE "AspNetUsers" SET "UserName" = {0}, "NormalizedUserName" = {1}, "Email" = {0}, "NormalizedEmail" = {1}, "PhoneNumber" = {2}
            WHERE "Id" = {3}
            """, [email, email.ToUpperInvariant(), phone, IdParam(db, id)], Ct));
        await App.WithDb(db => db.Database.ExecuteSqlRawAsync("""
            UPDATE "AspNetUserTokens" SET "Value" = {0} WHERE "UserId" = {1}
            """, ["LEGACYKEY234567", IdParam(db, id)], Ct));
        Assert.Equal(email, (await Raw(id)).Email);

        await App.Services.SealAccountsAsync(); // what the app runs at start, after the migrations

        var raw = await Raw(id);
        Assert.StartsWith("v1:", raw.Email);
        Assert.StartsWith("v1:", raw.UserName);
        Assert.StartsWith("v1:", raw.PhoneNumber);
        Assert.Matches("^[0-9a-f]{64}$", raw.NormalizedEmail!);
        var token = await App.WithDb(db => db.Database.SqlQueryRaw<string>(
            """SELECT "Value" FROM "AspNetUserTokens" WHERE "UserId" = {0}""", IdParam(db, id)).SingleAsync(Ct));
        Assert.StartsWith("v1:", token);
        await (await SignIn(email, password)).ShouldBe(HttpStatusCode.OK);
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.Equal(phone, user.PhoneNumber);
            Assert.Equal("LEGACYKEY234567", await users.GetAuthenticatorKeyAsync(user));
        }
        // A second start finds nothing left to seal.
        using (var scope = App.Services.CreateScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AccountSealing>().RunAsync(Ct));
    }

    [Fact]
    public void The_lookup_hash_cannot_be_turned_back()
    {
        var lookup = App.Services.GetRequiredService<ILookupProtector>();
        var hash = lookup.Protect(AccountLookupKeyRing.IndexKeyId, "ALICE@EXAMPLE.COM");
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, lookup.Protect(AccountLookupKeyRing.IndexKeyId, "ALICE@EXAMPLE.COM"));
        Assert.Throws<NotSupportedException>(() => lookup.Unprotect(AccountLookupKeyRing.IndexKeyId, hash));
        Assert.IsType<AccountDataProtector>(App.Services.GetRequiredService<IPersonalDataProtector>());
    }
}

public sealed class AccountProtectionTests_Sqlite(SqliteApp app) : AccountProtectionTests(app), IClassFixture<SqliteApp>;
public sealed class AccountProtectionTests_Postgres(PostgresApp app) : AccountProtectionTests(app), IClassFixture<PostgresApp>;
