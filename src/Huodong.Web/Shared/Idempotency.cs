using System.Security.Cryptography;
using Huodong.Web.Data;
using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Shared;

/// <summary>
/// DESIGN.md principle 3: a POST/PUT/PATCH/DELETE under /api with an <c>Idempotency-Key</c> acts once. The first
/// answer (below 500) is stored and replayed for a repeat with the same key and request; the same key with a
/// different request is refused (422), and a repeat while the first is still running gets 409. The key is claimed
/// by inserting its row, so two instances racing on one key cannot both act.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider time)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!IsCandidate(http, out var key)) { await next(http); return; }
        if (key.Length > 100)
        {
            await Error.Validation(new Dictionary<string, string[]> { [Header] = ["Must be at most 100 characters."] })
                .ToProblem(http).ExecuteAsync(http);
            return;
        }

        var actor = Actor.From(http.User);
        var scope = actor.UserId?.ToString("N") ?? "anon:" + http.Connection.RemoteIpAddress;
        var requestHash = await HashRequestAsync(http);

        using (var s = scopes.CreateScope())
        {
            var db = s.ServiceProvider.GetRequiredService<HuodongDb>();
            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key);
            if (existing is null && !await TryClaimAsync(db, scope, key, requestHash))
                existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key);
            if (existing is not null) { await ReplayAsync(http, existing, requestHash); return; }
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            // The request failed unexpectedly: release the key so that a retry can act.
            http.Response.Body = original;
            await StoreAsync(scope, key, http, null);
            throw;
        }
        http.Response.Body = original;
        await StoreAsync(scope, key, http, buffer.ToArray());
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static bool IsCandidate(HttpContext http, out string key)
    {
        key = http.Request.Headers[Header].ToString();
        return key.Length > 0 && http.Request.Path.StartsWithSegments("/api")
            && (HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method)
                || HttpMethods.IsPatch(http.Request.Method) || HttpMethods.IsDelete(http.Request.Method));
    }

    private static async Task<string> HashRequestAsync(HttpContext http)
    {
        http.Request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0) sha.AppendData(chunk, 0, read);
        http.Request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private async Task<bool> TryClaimAsync(HuodongDb db, string scope, string key, string requestHash)
    {
        db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = scope, Key = key, RequestHash = requestHash, CreatedAt = time.UtcNow() });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another request claimed the key first
        }
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record, string requestHash)
    {
        if (record.RequestHash != requestHash)
        {
            await new Error(ErrorKind.BusinessRule, "idempotency-key-reused",
                "This Idempotency-Key was already used for a different request.").ToProblem(http).ExecuteAsync(http);
            return;
        }
        if (record.StatusCode is not { } status)
        {
            await new Error(ErrorKind.Conflict, "idempotency-in-progress",
                "The first request with this Idempotency-Key is still being handled.").ToProblem(http).ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = status;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.Location is not null) http.Response.Headers.Location = record.Location;
        if (record.ContentType is not null) http.Response.ContentType = record.ContentType;
        if (record.Body is { Length: > 0 } body) await http.Response.Body.WriteAsync(body);
    }

    /// <summary>Keeps the answer for replay, or forgets the key when there is none worth keeping (null body: failed).</summary>
    private async Task StoreAsync(string scope, string key, HttpContext http, byte[]? body)
    {
        using var s = scopes.CreateScope();
        var db = s.ServiceProvider.GetRequiredService<HuodongDb>();
        var record = await db.IdempotencyRecords.FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key);
        if (record is null) return;
        if (body is null || http.Response.StatusCode >= 500) db.IdempotencyRecords.Remove(record); // a failure may be retried
        else
        {
            record.StatusCode = http.Response.StatusCode;
            record.ContentType = http.Response.ContentType;
            record.Location = http.Response.Headers.Location.ToString() is { Length: > 0 } loc ? loc : null;
            record.Body = body;
        }
        await db.SaveChangesAsync();
    }
}
