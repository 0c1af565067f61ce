using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Huodong.Web.Shared;

/// <summary>
/// The database not answering is an outage, not a bug: callers get 503 with a clear message and a Retry-After instead
/// of a 500, <c>/healthz</c> says so, and nothing needs a restart — every request opens its connection anew, and the
/// pools drop broken connections, so the app serves again as soon as the database does (G3.3).
/// </summary>
public static class DatabaseOutage
{
    public const int RetryAfterSeconds = 5;

    /// <summary>Whether <paramref name="error"/> (or any exception inside it) says the database cannot be reached.</summary>
    public static bool IsOutage(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 08: connection exceptions; 57P01-57P03: the server shuts down or is starting; 53300: too many clients.
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300":
                    return true;
                case PostgresException:
                    return false; // the server answered: a real error
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SocketException:
                    return true;
                // SQLITE_BUSY and SQLITE_LOCKED after the 30 s busy timeout, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_FULL.
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 10 or 13 or 14:
                    return true;
            }
        }
        return false;
    }
}

/// <summary>Answers API requests that met a database outage with 503 problem details in the caller's language.</summary>
public sealed class DatabaseOutageHandler(IStringLocalizer<SharedResource> l, ILogger<DatabaseOutageHandler> log,
    Microsoft.Extensions.Options.IOptions<RequestLocalizationOptions> cultures) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!DatabaseOutage.IsOutage(exception)) return false;
        // The exception's type only: its message may carry a connection string or a value.
        log.LogWarning("Database unavailable on {Method} {Path}: {Type}", http.Request.Method, http.Request.Path, exception.GetType().Name);
        http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!http.Request.Path.StartsWithSegments("/api")) return false; // the pages' error page shows it (see ErrorModel)
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        // Set here, not inside the helper: a culture set in an awaited method does not flow back to its caller.
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = await RequestCultureAsync(http);
        await http.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = 503,
            Title = l["The database is not answering just now."],
            Detail = l["Nothing was half-saved. Try again in a few seconds."],
            Extensions = { ["code"] = "database-unavailable" },
        }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
        return true;
    }

    /// <summary>
    /// This handler runs outside the localisation middleware (the culture it set does not flow back out with the
    /// exception): take the request's culture from what that middleware found, or find it the same way.
    /// </summary>
    private async Task<System.Globalization.CultureInfo> RequestCultureAsync(HttpContext http)
    {
        var culture = http.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture.UICulture;
        if (culture is null)
        {
            var options = cultures.Value;
            foreach (var provider in options.RequestCultureProviders)
            {
                var found = await provider.DetermineProviderCultureResult(http);
                var name = found?.UICultures.Select(c => c.Value)
                    .FirstOrDefault(c => options.SupportedUICultures!.Any(s => s.Name.Equals(c, StringComparison.OrdinalIgnoreCase)
                        || c.StartsWith(s.TwoLetterISOLanguageName + "-", StringComparison.OrdinalIgnoreCase) || c.Equals(s.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase)));
                if (name is null) continue;
                culture = options.SupportedUICultures!.First(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith(s.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase));
                break;
            }
            culture ??= options.DefaultRequestCulture.UICulture;
        }
        return culture;
    }
}
