using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Budget;
using Huodong.Web.Conduct;
using Huodong.Web.Evaluation.Feedback;
using Huodong.Web.Evaluation.Improvement;
using Huodong.Web.Evaluation.Surveys;
using Huodong.Web.LiveOps;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Preparation;
using Huodong.Web.Rewards;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Huodong.Tests.Security.Who;

namespace Huodong.Tests.Security;

/// <summary>
/// ASVS V8 / S1.3, S2.2: every API route of the running app, called by every kind of caller, against the checked-in
/// <see cref="AuthorizationMatrix"/>. A caller the matrix does not allow must get 401, 403 or 404 (no unexpected
/// allow); a caller it allows must not get 401 or 403. Routes come from the app's own route table, so a new route
/// without a matrix line fails here, as does a matrix line whose route is gone.
/// </summary>
/// <remarks>
/// Route parameters are real demo resources (<see cref="DemoResources"/>). Requests that change state send an empty
/// JSON object, so allowed callers mostly get 400/409/422; denied callers are all tried first, before any allowed
/// caller may have changed something, and each provider's class has an app of its own.
/// </remarks>
public abstract class AuthorizationMatrixTests(TestApp app) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.SkipUnlessAvailable();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Every_route_is_in_the_matrix_and_each_caller_gets_exactly_the_access_it_says()
    {
        var clock = Stopwatch.StartNew();
        var routes = ApiSweep.ApiRoutes(app.Services);
        var failures = new List<string>();

        // (a) and (b): the matrix and the route table name the same routes.
        foreach (var route in routes.Where(r => !AuthorizationMatrix.Routes.ContainsKey(r)))
            failures.Add($"Route {route} is not in the authorization matrix: add it to the matrix (AuthorizationMatrix.cs) as\n" +
                         $"        [\"{route}\"] = Allow(...), // who may call it, and why");
        foreach (var line in AuthorizationMatrix.Routes.Keys.Where(k => !routes.Contains(k)))
            failures.Add($"The matrix names {line}, which the app no longer maps: remove or correct its line in AuthorizationMatrix.cs");

        // The demo has no budget adjustment waiting for the leader: the team asks for one, so its decision has one to refuse.
        var team = await app.As("planner");
        var ended = await app.WithDb(db => db.Activities.Where(a => a.Status == ActivityStatus.Ended).Select(a => a.Id).FirstAsync());
        await (await team.PostJson($"/api/activities/{ended}/budget/adjustments",
            new { category = "Promotion", amount = 5000m, reason = "authorization matrix" })).ShouldBe(HttpStatusCode.Created);

        var demo = await DemoResources.LoadAsync(app);
        var clients = await Clients(demo);

        var checks = routes.Where(AuthorizationMatrix.Routes.ContainsKey)
            .SelectMany(route => AuthorizationMatrix.Routes[route].Variants().SelectMany(access => Enum.GetValues<Who>().Select(who => new Check(route, who, access))))
            .ToList();

        // Denied callers first, all of them, before any allowed call may have changed what they would see.
        var observed = new ConcurrentBag<(Check Check, int Status, string Body)>();
        await Parallel.ForEachAsync(checks.Where(c => !c.Allowed), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
            async (c, _) => observed.Add(await Call(c, demo, clients)));
        // Then allowed callers: reads in parallel, then changes one at a time (deletions and sign-outs last: after them
        // the caller's token no longer works).
        await Parallel.ForEachAsync(checks.Where(c => c.Allowed && c.Method == "GET"), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
            async (c, _) => observed.Add(await Call(c, demo, clients)));
        foreach (var c in checks.Where(c => c.Allowed && c.Method != "GET").OrderBy(c => c.Method == "DELETE" || AuthorizationMatrix.EndsTheSession.Contains(c.Route)))
            observed.Add(await Call(c, demo, clients));

        foreach (var (c, status, body) in observed.OrderBy(o => o.Check.Route).ThenBy(o => o.Check.Who))
        {
            var url = demo.Url(c.Route, c.Access.Stage);
            if (status >= 500)
                failures.Add($"{c.Route} as {c.Who}: {status} from {url} (never a 5xx): {Short(body)}");
            else if (!c.Allowed && status is not (401 or 403 or 404))
                failures.Add($"UNEXPECTED ALLOW: {c.Route} as {c.Who} got {status} from {url}; the matrix allows only {c.Access}: {Short(body)}");
            else if (c.Allowed && status is 401 or 403 && !(status == 401 && c.Access.RefusesBadCredentials))
                failures.Add($"EXPECTED ALLOW REFUSED: {c.Route} as {c.Who} got {status} from {url}; the matrix allows {c.Access}: {Short(body)}");
        }

        // A route without a line: say who gets through today, to start its line from (after review: that is the point).
        foreach (var route in routes.Where(r => !AuthorizationMatrix.Routes.ContainsKey(r)))
        {
            var unknown = new Access([], Stage.Live);
            var passed = new List<Who>();
            var statuses = new List<string>();
            foreach (var who in Enum.GetValues<Who>())
            {
                var (_, status, _) = await Call(new Check(route, who, unknown), demo, clients);
                if (status is not (401 or 403 or 404)) passed.Add(who);
                statuses.Add($"{who} {status}");
            }
            failures.Add($"    who gets through {route} today (review before copying): [\"{route}\"] = {new Access([.. passed], Stage.Live)}, // {string.Join(", ", statuses)}");
        }

        // A check proves something only if the resource is there for those allowed: not every allowed caller may get 404.
        foreach (var group in observed.Where(o => o.Check.Allowed).GroupBy(o => (o.Check.Route, o.Check.Access.Stage)))
            if (group.All(o => o.Status == 404))
                failures.Add($"{group.Key.Route}: every allowed caller got 404 from {demo.Url(group.Key.Route, group.Key.Stage)}, " +
                             "so its denials prove nothing: pick a demo resource that exists (DemoResources) or a stage with .On(...)");

        // HUODONG_MATRIX_DUMP=<folder> writes every status seen, one line per route, for reviewing the matrix.
        if (Environment.GetEnvironmentVariable("HUODONG_MATRIX_DUMP") is { Length: > 0 } dump)
            File.WriteAllLines(Path.Combine(dump, $"matrix-{app.Provider}.txt"), observed
                .GroupBy(o => (o.Check.Route, o.Check.Access.Stage)).OrderBy(g => g.Key.Route)
                .Select(g => $"{g.Key.Route} [{g.First().Check.Access}] " + string.Join(", ", g.OrderBy(o => o.Check.Who).Select(o => $"{o.Check.Who} {o.Status}")))
                .Prepend($"{app.Provider}: {routes.Count} routes, {checks.Count} calls in {clock.Elapsed.TotalSeconds:0.0} s"));
        TestContext.Current.TestOutputHelper?.WriteLine($"{app.Provider}: {routes.Count} routes, {checks.Count} calls in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} authorization matrix failures:\n" + string.Join("\n", failures));
    }

    private sealed record Check(string Route, Who Who, Access Access)
    {
        public string Method => Route[..Route.IndexOf(' ')];
        public bool Allowed => Access.Allows(Who);
    }

    private async Task<(Check, int, string)> Call(Check c, DemoResources demo, IReadOnlyDictionary<string, HttpClient> clients)
    {
        var client = clients[demo.Account(c.Who, c.Route, c.Access.Stage)];
        var url = demo.Url(c.Route, c.Access.Stage);
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), url);
        if (c.Access.Upload)
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.ASCII.GetBytes("IHDR matrix")]);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            form.Add(file, "file", "matrix.png");
            request.Content = form;
        }
        else if (c.Method != "GET")
            request.Content = new StringContent(demo.Fill(c.Access.Body ?? "{}", c.Route, c.Access.Stage), Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request, Ct);
        return (c, (int)response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>One client per account the checks use.</summary>
    private Task<IReadOnlyDictionary<string, HttpClient>> Clients(DemoResources demo) => ApiSweep.Clients(app, demo.Accounts(), Ct);

    private static string Short(string body) => body.Length > 300 ? body[..300] + "…" : body;
}

public sealed class AuthorizationMatrixTests_Sqlite(SqliteApp app) : AuthorizationMatrixTests(app), IClassFixture<SqliteApp>;
public sealed class AuthorizationMatrixTests_Postgres(PostgresApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgresApp>;
