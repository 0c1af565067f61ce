using System.Text.Json;
using System.Text.Json.Serialization;

namespace Huodong.Tests.Rewards;

/// <summary>docs/draw-test-vectors.json, computed by the independent Python implementation (scripts/draw_verify.py).</summary>
public static class DrawVectors
{
    public static readonly string RepoRoot = FindRepoRoot();
    public static readonly string File = Path.Combine(RepoRoot, "docs", "draw-test-vectors.json");
    public static readonly string Verifier = Path.Combine(RepoRoot, "scripts", "draw_verify.py");

    private static readonly Lazy<VectorFile> Loaded = new(() =>
        JsonSerializer.Deserialize<VectorFile>(System.IO.File.ReadAllText(File), JsonSerializerOptions.Web)!);

    public static VectorFile All => Loaded.Value;

    public static TheoryData<string> DrawNames() => new(All.Draws.Select(d => d.Name));
    public static TheoryData<string> UniformNames() => new(All.Uniform.Select(u => u.Name));

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Huodong.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Huodong.slnx not found above the test binaries.");
    }
}

public sealed record VectorFile(string Algorithm, List<DrawCase> Draws, List<UniformCase> Uniform);

public sealed record EntrantsRange(string Prefix, int From, int To, int Width);

public sealed record DrawCase(string Name, List<string>? Entrants, EntrantsRange? EntrantsRange, List<string>? UnsortedEntrants,
    string Seed, string PublicEntropy, int WinnersCount, string EntrantsHash, string Commitment, string Key, ulong Counter,
    ulong Rejections, List<string> Winners)
{
    [JsonIgnore]
    public List<string> AllEntrants => Entrants ?? Enumerable.Range(EntrantsRange!.From, EntrantsRange.To - EntrantsRange.From + 1)
        .Select(i => EntrantsRange.Prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(EntrantsRange.Width, '0'))
        .ToList();
}

public sealed record UniformCase(string Name, string Key, ulong M, List<ulong> Outputs, ulong Counter, ulong Rejections);
