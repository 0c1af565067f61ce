namespace Huodong.Web.Shared;

/// <summary>
/// Parses an enum from its name only. <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> also takes
/// numbers ("3", "99") and comma lists ("Draft,Approved" ORs the values), which the API must refuse: enums are
/// strings in the contract (API.md "Conventions").
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    /// <summary>An optional list filter such as <c>?status=</c>: absent gives null; a name gives its value.</summary>
    public static bool TryFilter<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!TryParse<T>(text, out var parsed)) return false;
        value = parsed;
        return true;
    }

    public static readonly Error UnknownStatus = Error.Validation(new Dictionary<string, string[]> { ["status"] = ["Unknown status."] });
}
