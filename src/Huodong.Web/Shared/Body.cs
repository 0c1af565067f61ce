using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Huodong.Web.Shared;

/// <summary>
/// A JSON request body that never fails binding: malformed JSON or a wrong type becomes a field-named validation
/// <see cref="Error"/> the endpoint returns as problem details, instead of the framework's bare 400.
/// </summary>
public sealed class Body<T> where T : class
{
    private Body(T? value, Error? error) { Value = value; Error = error; }
    public T? Value { get; }
    public Error? Error { get; }

    public static async ValueTask<Body<T>?> BindAsync(HttpContext http, ParameterInfo _)
    {
        if (!http.Request.HasJsonContentType())
            return Fail("body", "Send a JSON body with Content-Type application/json.");
        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions;
        try
        {
            var value = await http.Request.ReadFromJsonAsync<T>(options, http.RequestAborted);
            return value is null ? Fail("body", "The request body is empty.") : new Body<T>(value, null);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return Fail(path, ex is UnfitStringException unfit ? unfit.Reason : "The value is not valid JSON of the expected type.");
        }
    }

    private static Body<T> Fail(string field, string message) =>
        new(null, Error.Validation(new Dictionary<string, string[]> { [field] = [message] }));
}
