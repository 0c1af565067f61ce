using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.People;

/// <summary>
/// OWASP ASVS 5.0 V6.2 beside Identity's own length rule (12, set in <see cref="PeopleSetup"/>, and no composition
/// rules): at most 128 characters, so a passphrase is welcome but a megabyte is not hashed; not one of the passwords
/// that lead every leaked-password list (compared case-insensitively); not the account's own email or its name part.
/// </summary>
public sealed class PasswordPolicy(IStringLocalizer<SharedResource> l) : IPasswordValidator<AppUser>
{
    public const int MaxLength = 128;

    // The most common passwords of 12 characters or more in public leak corpora (shorter ones fail the length rule
    // already), including the keyboard walks and pinyin phrases common among Chinese users.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456789123", "123123123123", "111111111111",
        "000000000000", "121212121212", "123412341234", "112233445566", "098765432109", "987654321098",
        "qwertyuiop12", "qwertyuiop123", "qwertyuiopasdf", "qwerty123456", "qwe123qwe123", "asdfghjkl123",
        "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "qazwsxedcrfv", "zaq12wsxcde3",
        "zxcvbnm123456", "abc123456789", "abcdefghijkl", "abcd12345678", "aaaaaaaaaaaa", "a1b2c3d4e5f6",
        "password1234", "password12345", "password123456", "passw0rd1234", "p@ssw0rd1234", "p@ssword1234",
        "iloveyou1234", "welcome12345", "letmein12345", "administrator", "administrator1", "changeme1234",
        "woaini1314520", "woaini123456", "5201314520131", "520131452013", "woaini5201314",
        "wodemima1234", "mima12345678", "zhongguo1234", "zhangwei1234", "huodong12345", "huodong123456",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = new List<IdentityError>();
        if (password is { Length: > MaxLength })
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = l["Use at most {0} characters.", MaxLength] });
        var candidate = password?.Trim() ?? "";
        if (Common.Contains(candidate))
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = l["This password is one of the most common ones; choose another."] });
        var email = user.Email ?? "";
        if (email.Length > 0 && (candidate.Equals(email, StringComparison.OrdinalIgnoreCase)
            || candidate.Equals(email.Split('@')[0], StringComparison.OrdinalIgnoreCase)))
            errors.Add(new IdentityError { Code = "PasswordIsEmail", Description = l["Do not use your email address as your password."] });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
