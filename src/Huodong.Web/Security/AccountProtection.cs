using System.Data.Common;
using Huodong.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Huodong.Web.Security;

/// <summary>
/// The account's own personal data in the Identity tables (S2.2, PIPL art. 51): with
/// <c>StoreOptions.ProtectPersonalData</c> on, Identity puts a converter on every <c>[ProtectedPersonalData]</c>
/// property (UserName, Email, PhoneNumber, the user tokens' Value — where an authenticator key lives) and asks this
/// protector to seal them. It is the app's <see cref="FieldProtector"/> (AES-256-GCM, our key ring, rotated and
/// re-encrypted with everything else), not ASP.NET Data Protection. Values written before this existed are plain:
/// they read as they are until <see cref="AccountSealing"/> seals them at start.
/// </summary>
public sealed class AccountDataProtector(FieldProtector protector) : IPersonalDataProtector
{
    /// <summary>One purpose for the account columns: Identity's converter does not say which column it protects.</summary>
    public const string Purpose = "account.personal";

    public string Protect(string data) => protector.Encrypt(data, Purpose);

    public string Unprotect(string data) => protector.DecryptOrLegacy(data, Purpose);
}

/// <summary>
/// NormalizedUserName and NormalizedEmail become a keyed hash (HMAC-SHA256 with the blind-index key, which never
/// changes) of the normalised value, so sign-in by email and the uniqueness check stay one indexed equality while the
/// database holds no email. A hash cannot be turned back: <see cref="Unprotect"/> refuses. Identity never calls it
/// (only its own DefaultPersonalDataProtector does, which this app replaces with <see cref="AccountDataProtector"/>).
/// </summary>
public sealed class AccountLookupProtector(FieldProtector protector) : ILookupProtector
{
    public const string Purpose = "account.lookup";

    public string Protect(string keyId, string? data) =>
        data is null ? null! : protector.BlindIndex(data, Purpose);

    public string Unprotect(string keyId, string? data) =>
        throw new NotSupportedException("Account lookup keys are one-way hashes; read the sealed column instead.");
}

/// <summary>One lookup key: the blind-index key of the <see cref="KeyRing"/>, which does not rotate.</summary>
public sealed class AccountLookupKeyRing : ILookupProtectorKeyRing
{
    public const string IndexKeyId = "index";

    public string CurrentKeyId => IndexKeyId;

    /// <summary>Only Identity's DefaultPersonalDataProtector reads keys by id; the key itself is not handed out.</summary>
    public string this[string keyId] =>
        throw new NotSupportedException("The lookup key is not handed out.");

    public IEnumerable<string> GetAllKeyIds() => [IndexKeyId];
}

/// <summary>
/// The value NormalizedEmail/NormalizedUserName holds for an email or user name, for code that looks accounts up with
/// LINQ instead of through UserManager. Never compare Email, UserName or PhoneNumber in a query: they are sealed with
/// a random nonce, so equality, LIKE and ORDER BY on them mean nothing.
/// </summary>
public static class AccountKeys
{
    public static string Of(ILookupNormalizer normalizer, ILookupProtector lookup, string value) =>
        lookup.Protect(AccountLookupKeyRing.IndexKeyId, normalizer.NormalizeEmail(value)!);

    /// <summary>The lookup key of <paramref name="emailOrUserName"/>, with the app's services seen from the context.</summary>
    public static string AccountKey(this DbContext db, string emailOrUserName) =>
        Of(db.GetService<ILookupNormalizer>(), db.GetService<ILookupProtector>(), emailOrUserName);
}

/// <summary>
/// Seals account rows written before <c>ProtectPersonalData</c> was on (a developer's App_Data/huodong.db, an existing
/// deployment): plain UserName, Email, PhoneNumber and token values are sealed, and the normalised columns beside a
/// plain name or email become their lookup hash. Runs at start after the migrations; a row is changed only while its
/// column is still plain (conditional update), so instances starting together do not hash a hash.
/// </summary>
public sealed class AccountSealing(HuodongDb db, FieldProtector protector, ILookupProtector lookup, ILookupNormalizer normalizer,
    ILogger<AccountSealing> log)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sealedCount = 0;
        var rows = new List<(object Id, string? UserName, string? NormalizedUserName, string? Email, string? NormalizedEmail, string? Phone)>();
        await using (var cmd = Command("""
            SELECT "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "PhoneNumber" FROM "AspNetUsers"
            WHERE "UserName" NOT LIKE 'v1:%' OR "Email" NOT LIKE 'v1:%' OR "PhoneNumber" NOT LIKE 'v1:%'
            """, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                rows.Add((reader.GetValue(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5)));
        foreach (var row in rows)
        {
            if (row.UserName is { } name && !protector.IsProtected(name))
                sealedCount += await SealAsync("UserName", "NormalizedUserName", row.Id, name,
                    Key(row.NormalizedUserName ?? normalizer.NormalizeName(name)!), tx, ct);
            if (row.Email is { } email && !protector.IsProtected(email))
                sealedCount += await SealAsync("Email", "NormalizedEmail", row.Id, email,
                    Key(row.NormalizedEmail ?? normalizer.NormalizeEmail(email)!), tx, ct);
            if (row.Phone is { } phone && !protector.IsProtected(phone))
                sealedCount += await SealAsync("PhoneNumber", null, row.Id, phone, null, tx, ct);
        }

        var tokens = new List<(object UserId, string Provider, string Name, string Value)>();
        await using (var cmd = Command("""
            SELECT "UserId", "LoginProvider", "Name", "Value" FROM "AspNetUserTokens" WHERE "Value" NOT LIKE 'v1:%'
            """, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                tokens.Add((reader.GetValue(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        foreach (var t in tokens.Where(t => !protector.IsProtected(t.Value)))
        {
            await using var cmd = Command("""
                UPDATE "AspNetUserTokens" SET "Value" = @new
                WHERE "UserId" = @id AND "LoginProvider" = @provider AND "Name" = @name AND "Value" = @old
                """, tx);
            Add(cmd, "@id", t.UserId);
            Add(cmd, "@provider", t.Provider);
            Add(cmd, "@name", t.Name);
            Add(cmd, "@old", t.Value);
            Add(cmd, "@new", protector.Encrypt(t.Value, AccountDataProtector.Purpose));
            sealedCount += await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        // A count only: never the values.
        if (sealedCount > 0) log.LogInformation("Sealed {Count} plain account values.", sealedCount);
        return sealedCount;
    }

    private string Key(string normalised) => lookup.Protect(AccountLookupKeyRing.IndexKeyId, normalised);

    private async Task<int> SealAsync(string column, string? keyColumn, object id, string plain, string? key,
        IDbContextTransaction tx, CancellationToken ct)
    {
        var setKey = keyColumn is null ? "" : $", \"{keyColumn}\" = @key";
        await using var cmd = Command($"UPDATE \"AspNetUsers\" SET \"{column}\" = @new{setKey} WHERE \"Id\" = @id AND \"{column}\" = @old", tx);
        Add(cmd, "@id", id);
        Add(cmd, "@old", plain);
        Add(cmd, "@new", protector.Encrypt(plain, AccountDataProtector.Purpose));
        if (key is not null) Add(cmd, "@key", key);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private DbCommand Command(string sql, IDbContextTransaction tx)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx.GetDbTransaction();
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}

public static class AccountProtectionSetup
{
    /// <summary>Turns Identity's personal-data protection on with the app's own protector and lookup hash.</summary>
    public static void AddAccountProtection(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<IdentityOptions>(o => o.Stores.ProtectPersonalData = true);
        builder.Services.AddSingleton<IPersonalDataProtector, AccountDataProtector>();
        builder.Services.AddSingleton<ILookupProtector, AccountLookupProtector>();
        builder.Services.AddSingleton<ILookupProtectorKeyRing, AccountLookupKeyRing>();
        builder.Services.AddScoped<AccountSealing>();
    }

    /// <summary>Seals plain account rows left from before (see <see cref="AccountSealing"/>); call after the migrations.</summary>
    public static async Task SealAccountsAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AccountSealing>().RunAsync();
    }
}
