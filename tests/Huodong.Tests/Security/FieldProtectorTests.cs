using System.Security.Cryptography;
using Huodong.Web.Security;

namespace Huodong.Tests.Security;

/// <summary>
/// <see cref="FieldProtector"/>: AES-256-GCM per field (S2.2) — a round trip, tampering and misuse detected, keys
/// that rotate without losing what older keys wrote, and blind indexes that survive the rotation.
/// </summary>
public sealed class FieldProtectorTests
{
    private static readonly byte[] K1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] K2 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Index = RandomNumberGenerator.GetBytes(32);

    private static FieldProtector With(string active, params (string Id, byte[] Key)[] keys) =>
        new(new KeyRing(active, keys.ToDictionary(k => k.Id, k => k.Key), Index));

    private static readonly FieldProtector Protector = With("k1", ("k1", K1));

    [Theory]
    [InlineData("张小三")]
    [InlineData("+8613812345678")]
    [InlineData("😀 Alice Wong 👨‍👩‍👧")]
    [InlineData("")]
    public void A_value_decrypts_to_what_was_encrypted(string plain)
    {
        var stored = Protector.Encrypt(plain, "registration.realName");

        Assert.Equal(plain, Protector.Decrypt(stored, "registration.realName"));
        Assert.StartsWith("v1:k1:", stored);
        if (plain.Length > 0) Assert.DoesNotContain(plain, stored);
    }

    [Fact]
    public void The_same_value_encrypts_differently_each_time()
    {
        Assert.NotEqual(Protector.Encrypt("13812345678", "p"), Protector.Encrypt("13812345678", "p"));
    }

    [Theory]
    [InlineData(0)]   // in the nonce
    [InlineData(14)]  // in the ciphertext
    [InlineData(-1)]  // in the tag
    public void Flipping_any_byte_of_a_stored_value_is_detected(int position)
    {
        var stored = Protector.Encrypt("13812345678", "p");
        var parts = stored.Split(':');
        var data = Convert.FromBase64String(parts[2]);
        data[position < 0 ? data.Length + position : position] ^= 0x01;
        var tampered = $"{parts[0]}:{parts[1]}:{Convert.ToBase64String(data)}";

        Assert.ThrowsAny<CryptographicException>(() => Protector.Decrypt(tampered, "p"));
    }

    [Fact]
    public void A_value_decrypted_for_another_purpose_fails_so_columns_cannot_be_swapped()
    {
        var phone = Protector.Encrypt("13812345678", "registration.phone");

        Assert.ThrowsAny<CryptographicException>(() => Protector.Decrypt(phone, "registration.realName"));
    }

    [Fact]
    public void After_rotation_old_values_still_decrypt_and_new_ones_use_the_new_key()
    {
        var old = Protector.Encrypt("张小三", "p");
        var rotated = With("k2", ("k1", K1), ("k2", K2));

        var fresh = rotated.Encrypt("李四", "p");

        Assert.Equal("张小三", rotated.Decrypt(old, "p"));
        Assert.Equal("k1", FieldProtector.KeyIdOf(old));
        Assert.Equal("k2", FieldProtector.KeyIdOf(fresh));
        Assert.Equal("李四", rotated.Decrypt(fresh, "p"));
        Assert.ThrowsAny<CryptographicException>(() => Protector.Decrypt(fresh, "p")); // the old ring lacks k2
    }

    [Fact]
    public void A_value_whose_key_left_the_ring_cannot_be_read()
    {
        var old = Protector.Encrypt("张小三", "p");

        Assert.ThrowsAny<CryptographicException>(() => With("k2", ("k2", K2)).Decrypt(old, "p"));
    }

    [Fact]
    public void Relabelling_a_value_with_another_key_id_of_the_ring_fails()
    {
        var stored = Protector.Encrypt("张小三", "p");
        var relabelled = "v1:k2:" + stored.Split(':')[2];

        Assert.ThrowsAny<CryptographicException>(() => With("k1", ("k1", K1), ("k2", K1)).Decrypt(relabelled, "p"));
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("v2:k1:AAAA")]
    [InlineData("v1:k1:AAAA")] // shorter than a nonce and a tag
    public void Something_that_is_not_a_protected_value_is_refused(string stored)
    {
        Assert.ThrowsAny<CryptographicException>(() => Protector.Decrypt(stored, "p"));
    }

    [Fact]
    public void Blind_indexes_are_stable_per_value_and_purpose_and_survive_key_rotation()
    {
        var rotated = With("k2", ("k1", K1), ("k2", K2));

        var a = Protector.BlindIndex("+8613812345678", "registration.phone");

        Assert.Equal(a, Protector.BlindIndex("+8613812345678", "registration.phone"));
        Assert.Equal(a, rotated.BlindIndex("+8613812345678", "registration.phone"));
        Assert.NotEqual(a, Protector.BlindIndex("+8613812345678", "registration.email"));
        Assert.NotEqual(a, Protector.BlindIndex("+8613812345679", "registration.phone"));
        Assert.Matches("^[0-9a-f]{64}$", a);
        var otherIndexKey = new FieldProtector(new KeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = K1 }, RandomNumberGenerator.GetBytes(32)));
        Assert.NotEqual(a, otherIndexKey.BlindIndex("+8613812345678", "registration.phone"));
    }

    [Fact]
    public void A_key_ring_refuses_a_missing_active_key_short_keys_and_ids_with_colons()
    {
        Assert.Throws<InvalidOperationException>(() => new KeyRing("k9", new Dictionary<string, byte[]> { ["k1"] = K1 }, Index));
        Assert.Throws<InvalidOperationException>(() => new KeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[16] }, Index));
        Assert.Throws<InvalidOperationException>(() => new KeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = K1 }, new byte[16]));
        Assert.Throws<InvalidOperationException>(() => new KeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = K1, ["a:b"] = K2 }, Index));
    }
}
