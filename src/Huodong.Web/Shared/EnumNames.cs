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
}
