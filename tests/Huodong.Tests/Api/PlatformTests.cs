using System.Net;
using System.Text.Json.Nodes;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>What every part of the API relies on: database and migrations, health, docs, culture, idempotency.</summary>
public abstract class PlatformTests(TestApp app) : ApiTests(app)
{
    [Fact]
    public async Task The_app_runs_on_the_provider_it_was_given_with_every_migration_applied_and_none_missing()
    {
        await App.WithDb(async db =>
        {
            Assert.Equal(App.Provider == DatabaseProvider.Postgres, db.Database.IsNpgsql());
            Assert.Equal(App.Provider == DatabaseProvider.Sqlite, db.Database.IsSqlite());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration of this provider captures.");
        });
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await App.Anonymous().GetAsync("/healthz", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Liveness_answers_200_without_asking_the_database()
    {
        var response = await App.Anonymous().GetAsync("/healthz/live", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_openapi_document_is_served_and_describes_the_activity_routes()
    {
        var response = await App.Anonymous().GetAsync("/openapi/v1.json", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var doc = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.StartsWith("3.", (string)doc["openapi"]!);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/activities", paths);
        Assert.Contains("/api/activities/{id}/reviews", paths);
        Assert.Contains("/api/audit/verify", paths);
    }

    [Fact]
    public async Task The_api_reference_page_is_served()
    {
        var response = await App.Anonymous().GetAsync("/api-docs", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_api_route_is_404_problem_details_and_a_wrong_method_405()
    {
        await (await (await Planner).GetAsync("/api/no-such-thing", Ct)).ExpectProblem(HttpStatusCode.NotFound);
        var draft = await CreateDraft();
        var problem = await (await (await Planner).PostJson($"/api/activities/{draft.Id}", "{}")).ExpectProblem(HttpStatusCode.MethodNotAllowed);
        Assert.Equal("method-not-allowed", problem.Code);
    }

    [Fact]
    public async Task A_cookie_from_login_works_on_the_api_as_well_as_a_bearer_token()
    {
        using var browser = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await browser.PostJson("/api/auth/login?useCookies=true", new { email = $"planner@{TestApp.Domain}", password = TestApp.DemoPassword });
        await login.ShouldBe(HttpStatusCode.OK);
        Assert.Null(browser.DefaultRequestHeaders.Authorization);

        var created = await (await browser.PostJson("/api/activities", Plans.Complete())).Expect<ActivityDto>(HttpStatusCode.Created);
        await (await browser.GetAsync($"/api/activities/{created.Id}", Ct)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_forged_bearer_token_is_401_not_a_redirect()
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        await (await client.GetAsync("/api/audit/verify", Ct)).ExpectProblem(HttpStatusCode.Unauthorized);
    }

    private async Task<Problem> InvalidCreate(string? acceptLanguage, string? cultureCookie = null)
    {
        var client = await Planner;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/activities")
        {
            Content = new StringContent(Plans.Complete().AsJson().Set("participation.capacity", -1).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        if (cultureCookie is not null) request.Headers.Add("Cookie", $".Huodong.Culture={Uri.EscapeDataString(cultureCookie)}");
        return await (await client.SendAsync(request, Ct)).ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Problems_are_in_English_for_Accept_Language_en()
    {
        var problem = await InvalidCreate("en");
        Assert.Equal("One or more fields are not valid.", problem.Title);
        Assert.Equal(["Must be greater than zero."], problem.Errors!["participation.capacity"]);

        var notFound = await (await (await Planner).SendJson(HttpMethod.Get, $"/api/activities/{Guid.NewGuid()}", null, acceptLanguage: "en"))
            .ExpectProblem(HttpStatusCode.NotFound);
        Assert.Equal("Activity was not found.", notFound.Title);
    }

    [Fact]
    public async Task Problems_default_to_zh_CN_which_differs_from_English_once_its_strings_exist()
    {
        var english = await InvalidCreate("en");
        var byDefault = await InvalidCreate(null);
        var chinese = await InvalidCreate("zh-CN");
        var unsupported = await InvalidCreate("fr-FR");

        Assert.Equal(chinese.Title, byDefault.Title);
        Assert.Equal(chinese.Title, unsupported.Title);
        if (!ChineseStringsExist) return; // Resources/SharedResource.zh-CN.resx is being written; until then zh-CN shows the English keys
        Assert.NotEqual(english.Title, chinese.Title);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese.Title);
    }

    [Fact]
    public async Task The_culture_cookie_wins_over_Accept_Language()
    {
        var byCookie = await InvalidCreate("zh-CN", cultureCookie: "c=en|uic=en");
        Assert.Equal("One or more fields are not valid.", byCookie.Title);
    }

    private static bool ChineseStringsExist
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Huodong.slnx")))
                    return File.Exists(Path.Combine(dir.FullName, "src", "Huodong.Web", "Resources", "SharedResource.zh-CN.resx"));
            return false;
        }
    }

    [Fact]
    public async Task The_same_create_sent_twice_with_one_idempotency_key_acts_once_and_answers_the_same()
    {
        var key = Guid.NewGuid().ToString();
        var plan = Plans.Complete();
        var client = await Planner;

        var first = await client.PostJson("/api/activities", plan, key);
        var second = await client.PostJson("/api/activities", plan, key);

        await first.ShouldBe(HttpStatusCode.Created);
        await second.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await App.WithDb(db => db.Activities.CountAsync(a => a.Title == plan.Title, Ct)));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_body_is_422()
    {
        var key = Guid.NewGuid().ToString();
        var client = await Planner;
        await (await client.PostJson("/api/activities", Plans.Complete(), key)).ShouldBe(HttpStatusCode.Created);

        var other = Plans.Complete();
        var problem = await (await client.PostJson("/api/activities", other, key)).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("idempotency-key-reused", problem.Code);
        Assert.Equal(0, await App.WithDb(db => db.Activities.CountAsync(a => a.Title == other.Title, Ct)));
    }

    [Fact]
    public async Task A_repeated_submit_with_its_idempotency_key_replays_the_first_answer_instead_of_a_conflict()
    {
        var draft = await CreateDraft();
        var key = Guid.NewGuid().ToString();
        var client = await Planner;

        var first = await (await client.PostJson($"/api/activities/{draft.Id}/submit", null, key)).Expect<ActivityDto>(HttpStatusCode.OK);
        var again = await (await client.PostJson($"/api/activities/{draft.Id}/submit", null, key)).Expect<ActivityDto>(HttpStatusCode.OK);

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(1, (await Get(draft.Id)).Version);
        await (await client.PostJson($"/api/activities/{draft.Id}/submit", null, Guid.NewGuid().ToString())).ExpectProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Idempotency_keys_belong_to_one_account()
    {
        var key = Guid.NewGuid().ToString();
        var plan = Plans.Complete();
        await (await (await Planner).PostJson("/api/activities", plan, key)).ShouldBe(HttpStatusCode.Created);
        await (await (await Planner2).PostJson("/api/activities", plan, key)).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(2, await App.WithDb(db => db.Activities.CountAsync(a => a.Title == plan.Title, Ct)));
    }

    [Fact]
    public async Task An_overlong_idempotency_key_is_400()
    {
        var problem = await (await (await Planner).PostJson("/api/activities", Plans.Complete(), new string('k', 101))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", problem.Fields);
    }
}

public sealed class PlatformTests_Sqlite(SqliteApp app) : PlatformTests(app), IClassFixture<SqliteApp>;
public sealed class PlatformTests_Postgres(PostgresApp app) : PlatformTests(app), IClassFixture<PostgresApp>;
