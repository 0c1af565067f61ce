using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Huodong.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Huodong.Tests.Security.Who;

namespace Huodong.Tests.Security;

/// <summary>
/// The JSON shape of a handler's body type, for the hostile-input sweep: a right-shaped template, what kind each
/// top-level field is, and the template with one field replaced.
/// </summary>
internal static class JsonShapes
{
    internal enum FieldKind { Text, Number, Date, Other }

    internal static FieldKind Kind(string field, JsonNode? value, IReadOnlyDictionary<string, Type> props)
    {
        if (props.TryGetValue(field, out var type))
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            if (t == typeof(string)) return FieldKind.Text;
            if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset)) return FieldKind.Date;
            if (t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) || t == typeof(float) || t == typeof(short)) return FieldKind.Number;
            return FieldKind.Other;
        }
        return value?.GetValueKind() switch
        {
            JsonValueKind.String => FieldKind.Text,
            JsonValueKind.Number => FieldKind.Number,
            _ => FieldKind.Other,
        };
    }

    /// <summary><paramref name="shape"/> with <paramref name="field"/> set to the raw JSON <paramref name="json"/>.</summary>
    internal static string With(JsonObject shape, string field, string json)
    {
        var copy = shape.DeepClone().AsObject();
        copy[field] = "__HOSTILE__";
        return copy.ToJsonString().Replace("\"__HOSTILE__\"", json, StringComparison.Ordinal);
    }

    /// <summary>A right-shaped body for <paramref name="type"/>: every property with a plausible value.</summary>
    internal static JsonObject Template(Type type, int depth)
    {
        var o = new JsonObject();
        foreach (var (name, t) in Properties(type)) o[name] = Value(t, depth);
        return o;
    }

    internal static JsonNode? Value(Type type, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return "hostile input sweep";
        if (t == typeof(bool)) return true;
        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(decimal) || t == typeof(double) || t == typeof(float)) return 1;
        if (t == typeof(Guid)) return Guid.NewGuid().ToString();
        if (t == typeof(DateOnly)) return "2027-01-15";
        if (t == typeof(TimeOnly)) return "10:00:00";
        if (t == typeof(DateTime) || t == typeof(DateTimeOffset)) return "2027-01-15T10:00:00+08:00";
        if (t.IsEnum) return Enum.GetNames(t).FirstOrDefault();
        if (t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
        {
            var element = t.IsArray ? t.GetElementType() : t.GetGenericArguments().LastOrDefault();
            if (element is null || depth > 1) return new JsonArray();
            if (t.GetGenericArguments().Length == 2) return new JsonObject();
            return new JsonArray(Value(element, depth + 1));
        }
        return depth > 1 ? null : Template(t, depth + 1);
    }

    internal static IEnumerable<(string Name, Type Type)> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType));
}
