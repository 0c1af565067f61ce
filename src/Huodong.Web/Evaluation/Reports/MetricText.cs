using System.Globalization;
using Huodong.Web.Shared;
using static Huodong.Web.Evaluation.Reports.MetricDefinitions;

namespace Huodong.Web.Evaluation.Reports;

/// <summary>How a figure is written on the report and the overview, by its <see cref="MetricFormat"/>; "—" when it has no value.</summary>
public static class MetricText
{
    public static string Of(string key, double? value) => Format(MetricDefinitions.All.TryGetValue(key, out var d) ? d.Format : MetricFormat.Ratio, value);

    public static string Format(MetricFormat format, double? value, bool signed = false)
    {
        if (value is not { } v) return "—";
        var sign = signed && v > 0 ? "+" : "";
        return format switch
        {
            MetricFormat.Count => sign + v.ToString("#,##0.#", CultureInfo.CurrentCulture),
            MetricFormat.Percent => sign + (v * 100).ToString("0.#", CultureInfo.CurrentCulture) + "%",
            MetricFormat.Score => sign + v.ToString("0.#", CultureInfo.CurrentCulture),
            MetricFormat.Money => sign + Display.Money((decimal)Math.Round(v, 2)),
            _ => sign + v.ToString("0.00", CultureInfo.CurrentCulture),
        };
    }

    /// <summary>A difference: signed, in percentage points for rates.</summary>
    public static string Delta(string key, double? delta, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        var format = MetricDefinitions.All.TryGetValue(key, out var d) ? d.Format : MetricFormat.Ratio;
        if (format == MetricFormat.Percent && delta is { } v)
            return l["{0} pp", (v > 0 ? "+" : "") + (v * 100).ToString("0.#", CultureInfo.CurrentCulture)].Value;
        return Format(format, delta, signed: true);
    }
}
