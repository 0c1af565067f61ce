using System.Text.Json;
using System.Text.Json.Nodes;
using Huodong.Web.Rewards;

namespace Huodong.Tests.Rewards;

/// <summary>The command-line verifier (scripts/draw_verify.py) accepts what the product publishes and catches tampering.</summary>
public sealed class DrawVerifierScriptTests
{
    /// <summary>A revealed draw document as GET /api/draws/{id} writes it, built from a vector by the C# implementation.</summary>
    private static JsonObject Revealed()
    {
        var v = DrawVectors.All.Draws.Single(d => d.Name == "n=10 k=3 with unicode public entropy");
        var seed = Convert.FromHexString(v.Seed);
        var view = new DrawView(Guid.NewGuid(), Guid.NewGuid(), 1, "幸运奖", DrawProtocol.Algorithm, DrawStatus.Revealed,
            v.AllEntrants, DrawProtocol.EntrantsHash(v.AllEntrants), DrawProtocol.Commitment(seed), v.PublicEntropy,
            v.WinnersCount, v.Seed, DrawProtocol.Winners(v.AllEntrants, seed, v.PublicEntropy, v.WinnersCount), null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        return JsonSerializer.SerializeToNode(view, Infrastructure.Http.Json)!.AsObject();
    }

    [Fact]
    public async Task The_verifier_reproduces_every_vector()
    {
        var (code, output) = await DrawVerifierScript.RunAsync("--vectors", DrawVectors.File);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task The_verifier_regenerates_exactly_the_committed_vector_file()
    {
        var (code, output) = await DrawVerifierScript.RunAsync("--generate");
        Assert.Equal(0, code);
        Assert.Equal(JsonNode.Parse(await File.ReadAllTextAsync(DrawVectors.File, TestContext.Current.CancellationToken))!.ToJsonString(),
            JsonNode.Parse(output)!.ToJsonString());
    }

    [Fact]
    public async Task A_tampered_vector_file_fails()
    {
        var vectors = JsonNode.Parse(await File.ReadAllTextAsync(DrawVectors.File, TestContext.Current.CancellationToken))!;
        vectors["draws"]![2]!["winners"]![0] = "R000001";

        var (code, output) = await DrawVerifierScript.RunOnAsync(vectors.ToJsonString(), "--vectors");
        Assert.Equal(1, code);
        Assert.Contains("MISMATCH", output);
    }

    [Fact]
    public async Task A_draw_published_by_the_product_verifies()
    {
        var (code, output) = await DrawVerifierScript.RunOnAsync(Revealed().ToJsonString());
        Assert.True(code == 0, output);
        Assert.Contains("OK", output);
    }

    [Theory]
    [InlineData("winners")]
    [InlineData("seed")]
    [InlineData("entrants")]
    [InlineData("publicEntropy")]
    [InlineData("commitment")]
    public async Task A_tampered_draw_fails(string field)
    {
        var doc = Revealed();
        switch (field)
        {
            case "winners": // the same three winners, ranked differently
                doc["winners"] = new JsonArray(doc["winners"]!.AsArray().Reverse().Select(w => (JsonNode?)w!.GetValue<string>()).ToArray()); break;
            case "seed": doc["seed"] = new string('0', 64); break;
            case "entrants": doc["entrants"]![0] = "R000000"; break;
            case "publicEntropy": doc["publicEntropy"] = "something else"; break;
            case "commitment": doc["commitment"] = new string('a', 64); break;
        }

        var (code, output) = await DrawVerifierScript.RunOnAsync(doc.ToJsonString());
        Assert.True(code == 1, output);
        Assert.Contains("MISMATCH", output);
    }
}
