using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Shared;

/// <summary>
/// Maps an <see cref="Error"/> from a use case onto a page's ModelState (STYLE.md principle 5): each field error under
/// the input it belongs to, the overall message as a model-level error. Field names in errors are the JSON paths of
/// the API body (<c>rewards[1].quantity</c>); <paramref name="fieldKey"/> turns one into the page's input name, or
/// null to show it with the overall message.
/// </summary>
public static class PageErrors
{
    public static void AddError(this ModelStateDictionary state, Error error, IStringLocalizer l,
        Func<string, string?> fieldKey)
    {
        var title = l[error.MessageKey, error.Args?.Select(a => Localize(l, a)).ToArray() ?? []].Value;
        state.AddModelError("", title);
        foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]>())
        {
            var key = fieldKey(field);
            foreach (var message in messages)
                if (key is null) state.AddModelError("", l[message].Value);
                else if (!state.TryGetValue(key, out var entry) || entry.Errors.All(e => e.ErrorMessage != l[message].Value))
                    state.AddModelError(key, l[message].Value);
        }
    }

    /// <summary>Arguments that are enum names (a status) are shown localised too.</summary>
    private static object Localize(IStringLocalizer l, object arg) => arg is string s ? l[Labels.Humanize(s)].Value : arg;

    /// <summary>
    /// <c>participation.tasks[0].key</c> → <c>Plan.Participation.Tasks[0].Key</c>: the name model binding gives the
    /// input whose form model mirrors the JSON body. <paramref name="rowIndex"/> maps a JSON list index back to
    /// the row the user typed it in (blank rows are dropped before saving).
    /// </summary>
    public static string Pascal(string prefix, string path, Func<string, int, int>? rowIndex = null)
    {
        var sb = new StringBuilder(prefix);
        var trail = "";
        foreach (var segment in path.Split('.'))
        {
            var open = segment.IndexOf('[');
            var name = open < 0 ? segment : segment[..open];
            trail = trail.Length == 0 ? name : trail + "." + name;
            if (sb.Length > 0) sb.Append('.');
            if (name.Length > 0) sb.Append(char.ToUpperInvariant(name[0])).Append(name.AsSpan(1));
            if (open >= 0 && int.TryParse(segment.AsSpan(open + 1, segment.Length - open - 2), out var index))
                sb.Append('[').Append(rowIndex?.Invoke(trail, index) ?? index).Append(']');
        }
        return sb.ToString();
    }
}
