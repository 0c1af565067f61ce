using System.Security.Cryptography;
using Huodong.Web.Security;
using Microsoft.Extensions.Configuration;

namespace Huodong.Tests.Security;

/// <summary>
/// A key ring that follows its key file: <c>rotate-keys</c> in one process adds a key, and other instances (other rings
/// on the same file) read values written with it and start writing with it themselves.
/// </summary>
public sealed class KeyRingFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("huodong-keys.").FullName;
    private string File => Path.Combine(_dir, "keys.json");

    private KeyRing Ring(int reloadSeconds = 30) => KeyRing.FromConfiguration(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Security:Keys:ReloadSeconds"] = reloadSeconds.ToString() }).Build(), File);

    [Fact]
    public void Rotating_adds_a_new_active_key_and_keeps_the_old_ones_in_the_file()
    {
        var ring = Ring();
        var before = ring.ActiveKeyId;
        var oldValue = new FieldProtector(ring).Encrypt("张三丰", "test");

        var added = ring.Rotate();

        Assert.NotEqual(before, added);
        Assert.Equal(added, ring.ActiveKeyId);
        Assert.Contains(before, ring.Keys.Keys);
        var reread = Ring();
        Assert.Equal(added, reread.ActiveKeyId);
        Assert.Equal("张三丰", new FieldProtector(reread).Decrypt(oldValue, "test"));
        Assert.Equal(added, FieldProtector.KeyIdOf(new FieldProtector(reread).Encrypt("x", "test")));
    }

    [Fact]
    public void Another_instance_reads_a_value_written_with_a_key_it_had_not_loaded_yet()
    {
        var other = Ring(reloadSeconds: 3600);
        var rotating = Ring();
        rotating.Rotate();
        var written = new FieldProtector(rotating).Encrypt("13812345678", "registration.phone");

        Assert.DoesNotContain(FieldProtector.KeyIdOf(written)!, other.Keys.Keys);
        Assert.Equal("13812345678", new FieldProtector(other).Decrypt(written, "registration.phone"));
    }

    [Fact]
    public void Another_instance_writes_with_the_new_key_once_it_looks_at_the_file_again()
    {
        var other = Ring(reloadSeconds: 0);
        var first = other.ActiveKeyId;
        var added = Ring().Rotate();

        Assert.NotEqual(first, added);
        Assert.Equal(added, FieldProtector.KeyIdOf(new FieldProtector(other).Encrypt("x", "test")));
    }

    [Fact]
    public void A_key_file_whose_index_key_changed_is_refused_rather_than_breaking_every_lookup()
    {
        var ring = Ring(reloadSeconds: 0);
        // Rewritten through a JSON parser: the file's base64 may hold '+' written as an escape sequence.
        var content = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(File))!;
        content["Index"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        System.IO.File.WriteAllText(File, content.ToJsonString());

        Assert.Throws<InvalidOperationException>(() => ring.Rotate());
    }

    [Fact]
    public void Legacy_plaintext_reads_as_it_is_and_is_sealed_by_a_reseal()
    {
        var protector = new FieldProtector(Ring());
        const string json = "{\"title\":\"旧计划\"}";

        Assert.Equal(json, protector.DecryptOrLegacy(json, ConfidentialModel.WorkingPlanPurpose));
        var sealedJson = protector.Reseal(json, ConfidentialModel.WorkingPlanPurpose, legacyPlaintext: true)!;
        Assert.StartsWith("v1:", sealedJson);
        Assert.Equal(json, protector.DecryptOrLegacy(sealedJson, ConfidentialModel.WorkingPlanPurpose));
        Assert.Null(protector.Reseal(sealedJson, ConfidentialModel.WorkingPlanPurpose, legacyPlaintext: true)); // already on the active key
        Assert.Throws<CryptographicException>(() => protector.Reseal("13812345678", "registration.phone", legacyPlaintext: false));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
