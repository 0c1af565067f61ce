using System.Security.Cryptography;
using System.Text.Json;

namespace Huodong.Web.Security;

/// <summary>
/// The keys personal data is encrypted and indexed with (S2.2), kept outside the database: from configuration
/// (<c>Security:Keys:Active</c>, <c>Security:Keys:Ring:{id}</c> base64 32 bytes, <c>Security:Keys:Index</c>), or from a
/// key file (<c>Security:KeyFile</c>; in Development one the app creates under App_Data). Old keys stay in the ring so
/// that values written with them remain readable until they are re-encrypted.
/// <para>
/// A ring read from a key file follows the file: <see cref="Rotate"/> (the <c>rotate-keys</c> command) adds a new active
/// key to it while other instances run. They pick the new key up when they meet a key id they do not know (a value
/// written by the rotated instance) and, for writing, when they look at the file again (at most every
/// <c>Security:Keys:ReloadSeconds</c>, 30 by default), so after that delay every instance writes with the new key.
/// </para>
/// </summary>
public sealed class KeyRing
{
    private sealed record State(string ActiveKeyId, IReadOnlyDictionary<string, byte[]> Keys, byte[] IndexKey);

    private readonly object _gate = new();
    private volatile State _state;
    private readonly TimeSpan _recheck;
    private DateTime _fileStamp;
    private long _nextCheck;

    public KeyRing(string activeKeyId, IReadOnlyDictionary<string, byte[]> keys, byte[] indexKey)
        : this(Validate(activeKeyId, keys, indexKey), null, TimeSpan.FromSeconds(30)) { }

    private KeyRing(State state, string? file, TimeSpan recheck)
    {
        _state = state;
        KeyFile = file;
        _recheck = recheck;
        if (file is not null) _fileStamp = File.GetLastWriteTimeUtc(file);
        _nextCheck = Environment.TickCount64 + (long)recheck.TotalMilliseconds;
    }

    /// <summary>The key file this ring follows; null when the keys come from configuration.</summary>
    public string? KeyFile { get; }

    /// <summary>The key new values are written with (the file is looked at again now and then, see the class).</summary>
    public string ActiveKeyId => Fresh().ActiveKeyId;
    public IReadOnlyDictionary<string, byte[]> Keys => _state.Keys;
    public byte[] IndexKey => _state.IndexKey;

    /// <summary>The active key id and its bytes, read together so a reload in between cannot pair them wrongly.</summary>
    public (string Id, byte[] Key) Active
    {
        get
        {
            var s = Fresh();
            return (s.ActiveKeyId, s.Keys[s.ActiveKeyId]);
        }
    }

    /// <summary>The key with this id; an unknown id makes a file-backed ring read its file again once.</summary>
    public bool TryGetKey(string id, out byte[] key)
    {
        if (_state.Keys.TryGetValue(id, out key!)) return true;
        if (KeyFile is null) return false;
        Reload(force: true);
        return _state.Keys.TryGetValue(id, out key!);
    }

    /// <summary>
    /// Adds a new random key to the key file and makes it the active one; the old keys stay. Returns the new id.
    /// The file is replaced atomically (written beside it, then moved over it), so a reader never sees half a file.
    /// </summary>
    public string Rotate()
    {
        if (KeyFile is null)
            throw new InvalidOperationException(
                "The keys come from configuration (Security:Keys): add a key under Security:Keys:Ring, make it Security:Keys:Active, restart, then run 're-encrypt'.");
        lock (_gate)
        {
            var current = Read(KeyFile);
            if (!current.IndexKey.AsSpan().SequenceEqual(_state.IndexKey))
                throw new InvalidOperationException($"The index key in {KeyFile} changed; blind indexes would no longer match.");
            var next = 1 + current.Keys.Keys.Select(k => k.StartsWith('k') && int.TryParse(k[1..], out var n) ? n : 0)
                .DefaultIfEmpty(0).Max();
            var id = $"k{next}";
            var keys = current.Keys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value));
            keys[id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            Write(KeyFile, new KeyFileContent(id, keys, Convert.ToBase64String(current.IndexKey)));
            Reload(force: true);
            return id;
        }
    }

    private State Fresh()
    {
        if (KeyFile is not null && Environment.TickCount64 >= Interlocked.Read(ref _nextCheck)) Reload(force: false);
        return _state;
    }

    private void Reload(bool force)
    {
        lock (_gate)
        {
            Interlocked.Exchange(ref _nextCheck, Environment.TickCount64 + (long)_recheck.TotalMilliseconds);
            var stamp = File.GetLastWriteTimeUtc(KeyFile!);
            if (!force && stamp == _fileStamp) return;
            var read = Read(KeyFile!);
            // The index key never changes: every blind index in the database is made with it.
            if (!read.IndexKey.AsSpan().SequenceEqual(_state.IndexKey))
                throw new InvalidOperationException($"The index key in {KeyFile} changed; blind indexes would no longer match.");
            _state = read;
            _fileStamp = stamp;
        }
    }

    public static KeyRing FromConfiguration(IConfiguration config, string? keyFile)
    {
        var section = config.GetSection("Security:Keys");
        var recheck = TimeSpan.FromSeconds(section.GetValue("ReloadSeconds", 30));
        if (section["Active"] is { Length: > 0 } active)
        {
            var ring = section.GetSection("Ring").GetChildren().ToDictionary(c => c.Key, c => Convert.FromBase64String(c.Value ?? ""));
            return new KeyRing(active, ring, Convert.FromBase64String(section["Index"] ?? ""));
        }
        if (keyFile is null)
            throw new InvalidOperationException("Security:Keys is not configured (Active, Ring:{id}, Index), nor Security:KeyFile.");
        if (!File.Exists(keyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
            Write(keyFile, new KeyFileContent("k1", new() { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        }
        return new KeyRing(Read(keyFile), Path.GetFullPath(keyFile), recheck);
    }

    private sealed record KeyFileContent(string Active, Dictionary<string, string> Ring, string Index);

    private static State Read(string path)
    {
        var read = JsonSerializer.Deserialize<KeyFileContent>(File.ReadAllText(path))
                   ?? throw new InvalidOperationException($"Key file {path} is empty.");
        return Validate(read.Active, read.Ring.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)),
            Convert.FromBase64String(read.Index));
    }

    private static void Write(string path, KeyFileContent content)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(content));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
    }

    private static State Validate(string activeKeyId, IReadOnlyDictionary<string, byte[]> keys, byte[] indexKey)
    {
        if (!keys.TryGetValue(activeKeyId, out var active) || active.Length != 32)
            throw new InvalidOperationException($"The active key '{activeKeyId}' must be in the ring and 32 bytes long.");
        if (keys.Values.Any(k => k.Length != 32)) throw new InvalidOperationException("Every key must be 32 bytes long.");
        if (indexKey.Length < 32) throw new InvalidOperationException("The index key must be at least 32 bytes long.");
        if (keys.Keys.Any(k => k.Length == 0 || k.Contains(':')))
            throw new InvalidOperationException("Key ids must be non-empty and contain no ':'.");
        return new State(activeKeyId, keys, indexKey);
    }
}
