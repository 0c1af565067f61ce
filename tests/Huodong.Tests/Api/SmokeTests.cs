using System.Net;
using Huodong.Tests.Infrastructure;

namespace Huodong.Tests.Api;

public abstract class SmokeTests(TestApp app) : ApiTests(app)
{
    [Fact]
    public async Task Health_answers_ok()
    {
        var r = await App.Anonymous().GetAsync("/healthz", Ct);
        await r.ShouldBe(HttpStatusCode.OK);
        var d = await CreateDraft();
        Assert.Equal(Huodong.Web.Planning.ActivityStatus.Draft, d.Status);
    }
}
public sealed class SmokeTests_Sqlite(SqliteApp app) : SmokeTests(app), IClassFixture<SqliteApp>;
public sealed class SmokeTests_Postgres(PostgresApp app) : SmokeTests(app), IClassFixture<PostgresApp>;
