using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Huodong.Tests.Infrastructure;

/// <summary>Sending JSON to the API and reading its answers and problem details.</summary>
public static class Http
{
    /// <summary>The API's JSON conventions (API.md): camelCase, enums as strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object? body, string? idempotencyKey = null) =>
        client.SendJson(HttpMethod.Post, url, body, idempotencyKey);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object? body, string? idempotencyKey = null) =>
        client.SendJson(HttpMethod.Put, url, body, idempotencyKey);

    /// <summary>Sends <paramref name="body"/> as JSON: a string is sent as it is (for malformed bodies), anything else serialised.</summary>
    public static Task<HttpResponseMessage> SendJson(this HttpClient client, HttpMethod method, string url, object? body,
        string? idempotencyKey = null, string? acceptLanguage = null)
    {
        var text = body switch
        {
            null => "{}",
            string s => s,
            JsonNode n => n.ToJsonString(Json),
            _ => JsonSerializer.Serialize(body, Json),
        };
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<T> Read<T>(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try { return JsonSerializer.Deserialize<T>(text, Json)!; }
        catch (JsonException ex) { throw new InvalidOperationException($"Cannot read {(int)response.StatusCode} body as {typeof(T).Name}: {text}", ex); }
    }

    /// <summary>Asserts the status and reads the body; the failure message shows the body.</summary>
    public static async Task<T> Expect<T>(this HttpResponseMessage response, HttpStatusCode status)
    {
        await response.ShouldBe(status);
        return await response.Read<T>();
    }

    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
            Assert.Fail($"Expected {(int)status} {status} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} " +
                        $"but got {(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Asserts the status and reads RFC 9457 problem details.</summary>
    public static async Task<Problem> ExpectProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        await response.ShouldBe(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Read<Problem>();
    }
}

/// <summary>RFC 9457 problem details as the API writes them, with its <c>code</c> and per-field <c>errors</c>.</summary>
public sealed record Problem(int? Status, string? Title, string? Type, string? Detail, string? Code,
    Dictionary<string, string[]>? Errors)
{
    public IReadOnlyCollection<string> Fields => Errors?.Keys ?? (IReadOnlyCollection<string>)[];
}

/// <summary><c>{"items":[…],"total":N}</c>.</summary>
public sealed record Page<T>(List<T> Items, int Total);
