using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;

namespace Huodong.Web.Shared;

/// <summary>
/// A request the framework could not read (malformed JSON for a plain body parameter, a query value of the wrong
/// type, a body over the size limit) is the caller's mistake, not ours: API callers get its own status (400, 413,
/// 415 …) as problem details instead of a 500 (S1.1, ASVS V1/V2: never a 5xx for user input).
/// </summary>
public sealed class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad || !http.Request.Path.StartsWithSegments("/api") || http.Response.HasStarted)
            return false;
        // The status only: the message may quote the value sent.
        log.LogInformation("Unreadable request on {Method} {Path}: {Status}", http.Request.Method, http.Request.Path, bad.StatusCode);
        // The localisation middleware's culture does not flow back out with the exception; its feature does.
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture.Culture, culture.UICulture);
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = bad.StatusCode },
            Exception = exception,
        });
    }
}

/// <summary>
/// What every API request must pass before anything reads it: a declared body over the server's limit gets 413
/// problem details (Kestrel refuses such a body itself only when it is read, and then <see cref="BadRequestHandler"/>
/// answers; hosts without a limit feature, like the test server, get Kestrel's default limit here), and a NUL in the
/// query string gets 400 (PostgreSQL refuses 0x00 in text: a search for it would be a 500).
/// </summary>
public sealed class ApiInputLimits(RequestDelegate next)
{
    /// <summary>Kestrel's default MaxRequestBodySize.</summary>
    public const long DefaultLimit = 30_000_000;

    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { } feature ? feature.MaxRequestBodySize : DefaultLimit;
        var status = http.Request.ContentLength is { } length && limit is { } max && length > max ? StatusCodes.Status413PayloadTooLarge
            : http.Request.Query.Any(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)) ? StatusCodes.Status400BadRequest
            : 0;
        if (status != 0)
        {
            http.Response.StatusCode = status;
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = status } });
            return;
        }
        await next(http);
    }
}

/// <summary>
/// Identity's endpoints (<c>/api/auth/*</c>) trust their input: a JSON <c>null</c> for a required field, or a user id
/// that is not one, reaches the user manager and throws (a 500). This filter answers those as the caller's mistake:
/// 400 naming the field, and for a user id that cannot exist the 401 Identity gives an unknown user.
/// </summary>
public sealed class IdentityInputFilter : IEndpointFilter
{
    private static readonly System.Reflection.NullabilityInfoContext Nullability = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var parameters = ctx.HttpContext.GetEndpoint()?.Metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault()?.GetParameters() ?? [];
        var missing = new Dictionary<string, string[]>();
        for (var i = 0; i < ctx.Arguments.Count && i < parameters.Length; i++)
        {
            switch (ctx.Arguments[i])
            {
                case string id when parameters[i].Name == "userId" && !Guid.TryParse(id, out _):
                    return TypedResults.Unauthorized();
                case { } body when body.GetType().Namespace == "Microsoft.AspNetCore.Identity.Data":
                    foreach (var p in body.GetType().GetProperties())
                        if (p.PropertyType == typeof(string) && p.GetValue(body) is null
                            && Nullability.Create(p).WriteState == System.Reflection.NullabilityState.NotNull)
                            missing[System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)] = ["Required."];
                    break;
            }
        }
        if (missing.Count > 0) return Error.Validation(missing).ToProblem(ctx.HttpContext);
        return await next(ctx);
    }
}

/// <summary>
/// Every string read from a JSON body: a NUL (U+0000) or a string over <see cref="MaxLength"/> characters is refused
/// as malformed input (400 naming the field) before it reaches a use case or the database. PostgreSQL refuses 0x00
/// in text outright (a 500 otherwise), SQLite would store it, and no field of the API needs a megabyte.
/// </summary>
public sealed class SafeStringConverter : System.Text.Json.Serialization.JsonConverter<string>
{
    /// <summary>Far above any field's own limit (those give their own messages), far below what would hurt.</summary>
    public const int MaxLength = 100_000;

    public const string TooLong = "The text is too long.";
    public const string HasNul = "The text contains a NUL character, which is not allowed.";

    public override bool HandleNull => false;

    public override string? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        if (reader.TokenType != System.Text.Json.JsonTokenType.String)
            throw new System.Text.Json.JsonException("Expected a string.");
        var value = reader.GetString()!;
        if (value.Length > MaxLength) throw new UnfitStringException(TooLong);
        if (value.Contains('\0', StringComparison.Ordinal)) throw new UnfitStringException(HasNul);
        return value;
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}

/// <summary>A string <see cref="SafeStringConverter"/> refused; <see cref="Reason"/> is the field message to show.</summary>
public sealed class UnfitStringException(string reason) : System.Text.Json.JsonException(reason)
{
    public string Reason { get; } = reason;
}
