using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Huodong.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Huodong.Tests.Security.Who;

namespace Huodong.Tests.Security;

/// <summary>
/// S1.1, ASVS V1/V2/V4: hostile input on every API route. Each state-changing route (and each route with query
/// parameters) is called, by a caller the <see cref="AuthorizationMatrix"/> allows, with malformed JSON, wrong types,
/// huge strings, an oversize body, Unicode edge cases, injection strings, extreme numbers and dates, and bad query
/// values. No answer may be a 5xx; every refusal is problem details; nothing unfit is stored.
/// </summary>
/// <remarks>
/// Bodies start from the route's right shape (the matrix line's body, or one built from the handler's body type) and
/// break one top-level field at a time. Reads run in parallel, changes one route at a time; deletions last.
/// </remarks>
public abstract class HostileInputTests(TestApp app) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Over every limit the app sets on a request body (Kestrel's default is 30,000,000 bytes).</summary>
    private const int OversizeBytes = 30 * 1024 * 1024;
    private static readonly Lazy<byte[]> Oversize = new(() =>
    {
        var bytes = new byte[OversizeBytes];
        Array.Fill(bytes, (byte)'a');
        "{\"x\":\""u8.CopyTo(bytes);
        "\"}"u8.CopyTo(bytes.AsSpan(OversizeBytes - 2));
        return bytes;
    });

    private static readonly string Huge = new('a', 1024 * 1024);

    /// <summary>Values for a string field, as raw JSON.</summary>
    private static readonly (string Label, string Json)[] StringValues =
    [
        ("1 MB string", JsonSerializer.Serialize(Huge)),
        ("RTL override", JsonSerializer.Serialize("abc\u202Egnp.exe")),
        ("emoji and ZWJ", JsonSerializer.Serialize("👩‍👩‍👧‍👦 🏳️‍🌈 🧑🏽‍🚀")),
        ("NUL", "\"a\\u0000b\""),
        ("lone surrogate", "\"x\\ud800y\""),
        ("combining marks ×1000", JsonSerializer.Serialize("e" + string.Concat(Enumerable.Repeat("\u0301", 1000)))),
        ("SQL injection", JsonSerializer.Serialize("' OR 1=1 --")),
        ("script tag", JsonSerializer.Serialize("<script>alert(1)</script>")),
        ("img onerror", JsonSerializer.Serialize("\"><img src=x onerror=alert(1)>")),
    ];

    /// <summary>Fewer for routes with many string fields: the ones most likely to break storage or binding.</summary>
    private static readonly string[] FewStringLabels = ["1 MB string", "NUL", "lone surrogate", "script tag"];

    private static readonly (string Label, string Json)[] NumberValues =
        [("1e308", "1e308"), ("-1", "-1"), ("0", "0"), ("2^63", "9223372036854775808"), ("-1e308", "-1e308")];

    private static readonly (string Label, string Json)[] DateValues =
    [
        ("0001-01-01", "\"0001-01-01T00:00:00+08:00\""), ("0001-01-01 date", "\"0001-01-01\""),
        ("9999-12-31", "\"9999-12-31T23:59:59+08:00\""), ("9999-12-31 date", "\"9999-12-31\""),
        ("malformed date", "\"2026-13-45T25:61:00\""), ("not a date", "\"yesterday\""),
    ];

    private static readonly (string Label, string Query)[] QueryValues =
        [("-1", "-1"), ("0", "0"), ("1000000", "1000000"), ("non-numeric", "abc"), ("2^63", "9223372036854775808"),
         ("far date", "9999-12-31"), ("early date", "0001-01-01"), ("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"), ("NUL", "%00")];

    public ValueTask InitializeAsync()
    {
        app.SkipUnlessAvailable();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task No_hostile_body_or_query_gets_a_5xx_and_every_refusal_is_problem_details()
    {
        var clock = Stopwatch.StartNew();
        var endpoints = ApiSweep.Endpoints(app.Services);
        var demo = await DemoResources.LoadAsync(app);
        var plans = endpoints.Where(e => AuthorizationMatrix.Routes.ContainsKey(e.Key))
            .Select(e => Plan(e.Key, e.Value, demo)).Where(p => p is not null && p.Variants.Count > 0).Select(p => p!).ToList();
        var clients = await ApiSweep.Clients(app, plans.Select(p => p.Account), Ct);

        var observed = new ConcurrentBag<(RoutePlan Plan, Variant Variant, int Status, string? Type, string Body)>();
        async Task Run(RoutePlan plan)
        {
            foreach (var v in plan.Variants)
            {
                var (status, type, body) = await Send(clients[plan.Account], plan, v);
                observed.Add((plan, v, status, type, body));
            }
        }
        // Reads in parallel; changes one route at a time (concurrent audited writes are not what this sweep is about), deletions last.
        await Parallel.ForEachAsync(plans.Where(p => p.Method == "GET"), new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = Ct },
            async (p, _) => await Run(p));
        foreach (var p in plans.Where(p => p.Method != "GET").OrderBy(p => p.Method == "DELETE")) await Run(p);

        var failures = new List<string>();
        foreach (var (plan, v, status, type, body) in observed.OrderBy(o => o.Plan.Route))
        {
            var what = $"{plan.Route} as {plan.Who} with {v.Label}";
            if (status >= 500)
                failures.Add($"{what}: {status} (never a 5xx): {Short(body)}");
            else if (status >= 400 && status is not (400 or 401 or 403 or 404 or 409 or 413 or 415 or 422))
                failures.Add($"{what}: {status}, not a refusal the API contract knows: {Short(body)}");
            else if (status >= 400 && type != "application/problem+json")
                failures.Add($"{what}: {status} as {type ?? "no body"}, not application/problem+json: {Short(body)}");
        }
        foreach (var (plan, v, status, _, _) in observed.Where(o => o.Variant.MustRefuse && o.Status is >= 200 and < 300))
            failures.Add($"{plan.Route} as {plan.Who} with {v.Label}: {status}, accepted a body over the size limit");

        // Nothing unfit stored: no comment, plan title or feedback with a NUL or a megabyte in it.
        var unfit = await app.WithDb(async db => new[]
        {
            ("comments", (await db.Comments.Select(c => c.Body).ToListAsync(Ct)).Count(Unfit)),
            ("activities", (await db.Activities.Select(a => a.Title).ToListAsync(Ct)).Count(Unfit)),
        });
        foreach (var (table, count) in unfit.Where(u => u.Item2 > 0))
            failures.Add($"{count} rows in {table} hold a NUL or a 1 MB string: such input must be refused or length-validated");

        var calls = observed.Count;
        string[] summary =
        [
            $"{app.Provider}: {plans.Count} routes, {calls} hostile calls in {clock.Elapsed.TotalSeconds:0.0} s",
            "statuses: " + string.Join(", ", observed.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}")),
        ];
        foreach (var line in summary) TestContext.Current.TestOutputHelper?.WriteLine(line);
        // HUODONG_MATRIX_DUMP=<folder> (as for the authorization matrix) keeps the summary, to see the sweep's cost.
        if (Environment.GetEnvironmentVariable("HUODONG_MATRIX_DUMP") is { Length: > 0 } dump)
            File.WriteAllLines(Path.Combine(dump, $"hostile-{app.Provider}.txt"), summary);
        Assert.True(failures.Count == 0, $"{failures.Count} hostile-input failures ({calls} calls):\n" + string.Join("\n", failures.Take(200)));
    }

    [Fact]
    public async Task A_comment_with_a_NUL_or_a_megabyte_is_refused_and_not_stored_while_markup_is_kept_as_text()
    {
        // Any member may comment on a published activity (API.md); this test does not rely on the sweep's leftovers.
        var live = await app.WithDb(db => db.Activities.Where(a => a.Status == Huodong.Web.Planning.ActivityStatus.Live || a.Status == Huodong.Web.Planning.ActivityStatus.Approved)
            .OrderBy(a => a.Status == Huodong.Web.Planning.ActivityStatus.Live ? 0 : 1).Select(a => a.Id).FirstAsync(Ct));
        var member = await app.As("member3");
        member.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var url = $"/api/activities/{live}/comments";
        var before = await app.WithDb(db => db.Comments.CountAsync(Ct));

        foreach (var json in new[] { "{\"body\":\"hi\\u0000there\"}", "{\"body\":" + JsonSerializer.Serialize(Huge) + "}" })
        {
            using var response = await member.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("\"body\"", problem); // the field is named
            Assert.Matches("too long|NUL", problem);
        }
        Assert.Equal(before, await app.WithDb(db => db.Comments.CountAsync(Ct)));

        const string markup = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> ' OR 1=1 --";
        using var ok = await member.PostAsync(url, new StringContent(JsonSerializer.Serialize(new { body = markup }), Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.True(await app.WithDb(db => db.Comments.AnyAsync(c => c.Body == markup, Ct)), "the markup is stored verbatim, as text");
    }

    private sealed record Variant(string Label, string? Body, string? Query, bool MustRefuse = false);

    private sealed record RoutePlan(string Route, string Method, Who Who, string Account, string Url, List<Variant> Variants);

    private static RoutePlan? Plan(string route, Microsoft.AspNetCore.Routing.RouteEndpoint endpoint, DemoResources demo)
    {
        var access = AuthorizationMatrix.Routes[route];
        if (access.Upload || access.Allowed.Length == 0) return null;
        var who = access.Allowed.FirstOrDefault(w => w != Anonymous, Anonymous);
        var method = route[..route.IndexOf(' ')];
        var url = demo.Url(route, access.Stage);
        var variants = new List<Variant>();

        foreach (var (name, type) in ApiSweep.QueryParameters(endpoint))
        {
            var values = QueryValues.AsEnumerable();
            if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(string)) values = values.Where(q => q.Label is "script" or "NUL");
            foreach (var (label, value) in values)
                variants.Add(new Variant($"?{name}={label}", null, $"{name}={value}"));
        }

        if (method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            var bodyType = ApiSweep.BodyType(endpoint);
            var shape = access.Body is { } sent ? JsonNode.Parse(demo.Fill(sent, route, access.Stage))!.AsObject() : bodyType is null ? new JsonObject() : JsonShapes.Template(bodyType, 0);
            var right = shape.ToJsonString();
            variants.Add(new Variant("truncated JSON", right[..Math.Max(1, right.Length / 2)], null));
            variants.Add(new Variant("trailing garbage", right + " }garbage{", null));
            variants.Add(new Variant("[] instead of an object", "[]", null));
            variants.Add(new Variant("nested 100 deep", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100), null));
            variants.Add(new Variant("30 MB body", null, null, MustRefuse: true));

            var props = bodyType is null ? new Dictionary<string, Type>() : JsonShapes.Properties(bodyType).ToDictionary(p => p.Name, p => p.Type);
            var stringFields = shape.Where(f => JsonShapes.Kind(f.Key, f.Value, props) == JsonShapes.FieldKind.Text).Count();
            foreach (var (field, node) in shape.ToList())
            {
                var kind = JsonShapes.Kind(field, node, props);
                // Wrong types: a string where a number is, an object where a string is, null.
                var wrong = kind == JsonShapes.FieldKind.Text ? new[] { ("number", "12345"), ("object", "{\"a\":1}"), ("null", "null") }
                    : new[] { ("string", "\"not a number\""), ("object", "{\"a\":1}"), ("null", "null") };
                foreach (var (label, json) in wrong) variants.Add(new Variant($"{field}: {label}", JsonShapes.With(shape, field, json), null));
                var values = kind switch
                {
                    JsonShapes.FieldKind.Text => stringFields > 3 ? StringValues.Where(s => FewStringLabels.Contains(s.Label)).ToArray() : StringValues,
                    JsonShapes.FieldKind.Number => NumberValues,
                    JsonShapes.FieldKind.Date => DateValues,
                    _ => [],
                };
                foreach (var (label, json) in values) variants.Add(new Variant($"{field}: {label}", JsonShapes.With(shape, field, json), null));
            }
        }
        return new RoutePlan(route, method, who, demo.Account(who, route, access.Stage), url, variants);
    }

    private async Task<(int, string?, string)> Send(HttpClient client, RoutePlan plan, Variant v)
    {
        var url = v.Query is null ? plan.Url : plan.Url + (plan.Url.Contains('?') ? "&" : "?") + v.Query;
        using var request = new HttpRequestMessage(new HttpMethod(plan.Method), url);
        if (v.MustRefuse)
        {
            request.Content = new ByteArrayContent(Oversize.Value);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        else if (v.Body is not null) request.Content = new StringContent(v.Body, Encoding.UTF8, "application/json");
        else if (plan.Method != "GET") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    private static bool Unfit(string text) => text.Length > 100_000 || text.Contains('\0', StringComparison.Ordinal);

    private static string Short(string body) => body.Length > 300 ? body[..300] + "…" : body;
}

public sealed class HostileInputTests_Sqlite(SqliteApp app) : HostileInputTests(app), IClassFixture<SqliteApp>;
public sealed class HostileInputTests_Postgres(PostgresApp app) : HostileInputTests(app), IClassFixture<PostgresApp>;
