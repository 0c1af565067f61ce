using System.Net;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Preparation;

namespace Huodong.Tests.Api;

/// <summary>E1.2 through the API: materials with quantities, owner and status; Ready only when complete.</summary>
public abstract class MaterialsApiTests(TestApp app) : PreparationApiTests(app)
{
    private async Task<List<MaterialView>> List(Guid id) =>
        (await (await (await Planner).GetAsync($"/api/activities/{id}/materials", Ct)).Expect<Page<MaterialView>>(HttpStatusCode.OK)).Items;

    [Fact]
    public async Task The_team_records_a_prize_and_lists_it()
    {
        var id = await OpenActivity();

        var added = await (await AddMaterial(id, Material(needed: 3, inHand: 1, status: MaterialStatus.Ordered)))
            .Expect<MaterialView>(HttpStatusCode.Created);

        Assert.False(added.Ready);
        var listed = Assert.Single(await List(id));
        Assert.Equal((3, 1, MaterialStatus.Ordered, PlannerEmail), (listed.QuantityNeeded, listed.QuantityInHand, listed.Status, listed.OwnerEmail));
    }

    [Fact]
    public async Task Ready_is_refused_while_fewer_are_in_hand_than_needed()
    {
        var id = await OpenActivity();

        var problem = await (await AddMaterial(id, Material(needed: 3, inHand: 2, status: MaterialStatus.Ready))).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("status", problem.Fields);
        Assert.Empty(await List(id));
    }

    [Fact]
    public async Task A_material_becomes_ready_once_all_are_in_hand_and_can_be_removed()
    {
        var id = await OpenActivity();
        var added = await (await AddMaterial(id, Material(needed: 2))).Expect<MaterialView>(HttpStatusCode.Created);

        var ready = await (await (await Planner).PutJson($"/api/materials/{added.Id}", Material(needed: 2, inHand: 2, status: MaterialStatus.Ready)))
            .Expect<MaterialView>(HttpStatusCode.OK);

        Assert.True(ready.Ready);
        await (await (await Planner).DeleteAsync($"/api/materials/{added.Id}", Ct)).ShouldBe(HttpStatusCode.NoContent);
        Assert.Empty(await List(id));
    }

    [Fact]
    public async Task Bad_quantities_and_a_non_staff_owner_are_refused_naming_the_fields()
    {
        var id = await OpenActivity();

        var problem = await (await AddMaterial(id, new { name = "", kind = "Prize", quantityNeeded = 0, quantityInHand = -1 }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["name", "quantityInHand", "quantityNeeded"], problem.Fields.Order());

        var owner = await (await AddMaterial(id, Material(owner: "member8@" + TestApp.Domain))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("ownerEmail", owner.Fields);
    }

    [Fact]
    public async Task Only_the_team_changes_materials()
    {
        var id = await OpenActivity();
        var added = await (await AddMaterial(id, Material())).Expect<MaterialView>(HttpStatusCode.Created);

        await (await AddMaterial(id, Material(), by: "planner2")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await Planner2).PutJson($"/api/materials/{added.Id}", Material())).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await Member).GetAsync($"/api/activities/{id}/materials", Ct)).ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class MaterialsApiTests_Sqlite(SqliteApp app) : MaterialsApiTests(app), IClassFixture<SqliteApp>;
public sealed class MaterialsApiTests_Postgres(PostgresApp app) : MaterialsApiTests(app), IClassFixture<PostgresApp>;
