using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Huodong.Web.Shared;

/// <summary>
/// Names, ids, values and errors for the inputs of one repeating row (<c>Plan.Rewards[2]</c>) written by hand, so the
/// same partial also renders the script's template row (prefix <c>Plan.Rewards[__i__]</c>). Values typed by the
/// user win over the model's, as with <c>asp-for</c>.
/// </summary>
public sealed class FormRow(ModelStateDictionary state, string prefix, int number)
{
    public string Prefix => prefix;
    /// <summary>The row's 1-based number as shown to the user ("Reward 2").</summary>
    public int Number => number;

    public string Name(string field) => $"{prefix}.{field}";
    public string Id(string field) => TagBuilder.CreateSanitizedId(Name(field), "_");
    public string ErrorId(string field) => Id(field) + "-error";

    public string Value(string field, object? model)
    {
        if (state.TryGetValue(Name(field), out var entry) && entry.AttemptedValue is { } typed) return typed;
        return model switch
        {
            null => "",
            decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => model.ToString() ?? "",
        };
    }

    public IReadOnlyList<string> Errors(string field) =>
        state.TryGetValue(Name(field), out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    public bool Invalid(string field) => Errors(field).Count > 0;

    /// <summary>Options of an enum select with the current value selected.</summary>
    public IEnumerable<SelectListItem> Options<T>(string field, T model, Func<T, string> text) where T : struct, Enum
    {
        var current = Value(field, model);
        return Enum.GetValues<T>().Select(v => new SelectListItem(text(v), v.ToString(), v.ToString() == current));
    }
}
