using System.Globalization;

namespace Huodong.Web.Shared;

/// <summary>
/// How the pages show times and money: times in China time (Asia/Shanghai, UTC+8, no daylight saving), in the
/// culture's own pattern; money in yuan with two decimals in both languages.
/// </summary>
public static class Display
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static bool IsChinese => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "zh";

    public static DateTimeOffset InChina(DateTimeOffset at) => at.ToOffset(ChinaOffset);

    /// <summary>zh-CN: 2026年12月6日 10:00 · en: Dec 6, 2026 10:00 AM.</summary>
    public static string When(DateTimeOffset? at)
    {
        if (at is not { } value) return "—";
        var t = InChina(value);
        return IsChinese
            ? $"{t.Year}年{t.Month}月{t.Day}日 {t:HH:mm}"
            : t.ToString("MMM d, yyyy h:mm tt", CultureInfo.GetCultureInfo("en-US"));
    }

    /// <summary>zh-CN: 2026年12月6日 · en: Dec 6, 2026.</summary>
    public static string Day(DateTimeOffset? at)
    {
        if (at is not { } value) return "—";
        var t = InChina(value);
        return IsChinese ? $"{t.Year}年{t.Month}月{t.Day}日" : t.ToString("MMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));
    }

    /// <summary>A range on one line: the end drops its date when both fall on the same day.</summary>
    public static string Range(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is null && to is null) return "—";
        if (from is { } f && to is { } e && InChina(f).Date == InChina(e).Date)
        {
            var end = InChina(e);
            var time = IsChinese ? end.ToString("HH:mm") : end.ToString("h:mm tt", CultureInfo.GetCultureInfo("en-US"));
            return $"{When(from)} – {time}";
        }
        return $"{When(from)} – {When(to)}";
    }

    /// <summary>¥1,200.00 — yuan in both languages.</summary>
    public static string Money(decimal amount) =>
        (amount < 0 ? "-¥" : "¥") + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>A UTC instant for a datetime-local value typed in China time.</summary>
    public static DateTimeOffset? FromChinaLocal(DateTime? local) =>
        local is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), ChinaOffset).ToUniversalTime() : null;

    /// <summary>The datetime-local value (China time) for an instant.</summary>
    public static DateTime? ToChinaLocal(DateTimeOffset? at) => at is { } a ? InChina(a).DateTime : null;

    public static string ShortHash(string? hash) => string.IsNullOrEmpty(hash) ? "—" : hash[..Math.Min(10, hash.Length)];
}
