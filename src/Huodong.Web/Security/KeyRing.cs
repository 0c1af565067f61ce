using System.Security.Cryptography;
using System.Text.Json;

namespace Huodong.Web.Security;

/// <summary>
/// The keys personal data is encrypted and indexed with (S2.2), kept outside the database: from configuration
/// (<c>Security:Keys:Active</c>, <c>Security:Keys:Ring:{id}</c> base64 32 bytes, <c>Security:Keys:Index</c>), or in
/// Development from a key file the app creates beside the SQLite file. Old keys stay in the ring so that values
/// written with them remain readable until they are re-encrypted.
/// </summary>
public sealed class KeyRing
{
    public KeyRing(string activeKeyId, IReadOnlyDictionary<string, byte[]> keys, byte[] indexKey)
    {
        if (!keys.TryGetValue(activeKeyId, out var active) || active.Length != 32)
            throw new InvalidOperationException($"The active key '{activeKeyId}' must be in the ring and 32 bytes long.");
        if (indexKey.Length < 32) throw new InvalidOperationException("The index key must be at least 32 bytes long.");
        if (keys.Keys.Any(k => k.Length == 0 || k.Contains(':')))
            throw new InvalidOperationException("Key ids must be non-empty and contain no ':'.");
        ActiveKeyId = activeKeyId;
        Keys = keys;
        IndexKey = indexKey;
    }

    public string ActiveKeyId { get; }
    public IReadOnlyDictionary<string, byte[]> Keys { get; }
    public byte[] IndexKey { get; }

    public static KeyRing FromConfiguration(IConfiguration config, string? developmentKeyFile)
    {
        var section = config.GetSection("Security:Keys");
        if (section["Active"] is { Length: > 0 } active)
        {
            var ring = section.GetSection("Ring").GetChildren().ToDictionary(c => c.Key, c => Convert.FromBase64String(c.Value ?? ""));
            return new KeyRing(active, ring, Convert.FromBase64String(section["Index"] ?? ""));
        }
        if (developmentKeyFile is null)
            throw new InvalidOperationException("Security:Keys is not configured (Active, Ring:{id}, Index).");
        return LoadOrCreateFile(developmentKeyFile);
    }

    private sealed record KeyFile(string Active, Dictionary<string, string> Ring, string Index);

    private static KeyRing LoadOrCreateFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var file = new KeyFile("k1", new() { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            File.WriteAllText(path, JsonSerializer.Serialize(file));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var read = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))
                   ?? throw new InvalidOperationException($"Key file {path} is empty.");
        return new KeyRing(read.Active, read.Ring.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)),
            Convert.FromBase64String(read.Index));
    }
}
