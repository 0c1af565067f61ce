using Microsoft.Extensions.Localization;

namespace Huodong.Web.Shared;

/// <summary>Maps <see cref="Error"/> values to RFC 9457 problem details, localised for the request's culture.</summary>
public static class ProblemResults
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static IResult ToProblem(this Error error, HttpContext http)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        // String arguments are names (an entity, a status) and are shown in the request's language too.
        var args = error.Args?.Select(a => a is string name ? l[Labels.Humanize(name)].Value : a).ToArray() ?? [];
        var title = l[error.MessageKey, args].Value;
        if (error.Fields is { Count: > 0 })
        {
            var fields = error.Fields.ToDictionary(f => f.Key, f => f.Value.Select(m => l[m].Value).ToArray());
            return TypedResults.ValidationProblem(fields, title: title, extensions: extensions);
        }
        return TypedResults.Problem(title: title, statusCode: StatusOf(error.Kind), extensions: extensions);
    }

    /// <summary>Returns <paramref name="ok"/>'s result, or the problem for the failure.</summary>
    public static IResult Match<T>(this Result<T> result, HttpContext http, Func<T, IResult> ok) =>
        result.IsOk ? ok(result.Value!) : result.Error!.ToProblem(http);

    public static IResult Match(this Result result, HttpContext http, Func<IResult> ok) =>
        result.IsOk ? ok() : result.Error!.ToProblem(http);
}
