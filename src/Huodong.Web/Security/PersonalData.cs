using System.Globalization;
using System.Text;

namespace Huodong.Web.Security;

/// <summary>Normalising (for blind indexes) and masking (for display) of personal values (S1.3).</summary>
public static class PersonalData
{
    /// <summary>Mainland mobile numbers to E.164 (+86…); other numbers keep their digits and a leading +.</summary>
    public static string? NormalisePhone(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var trimmed = raw.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return null;
        if (trimmed.StartsWith('+')) return "+" + digits;
        if (digits.StartsWith("0086", StringComparison.Ordinal)) return "+" + digits[2..];
        if (digits.Length == 11 && digits[0] == '1') return "+86" + digits;
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) return "+" + digits;
        return digits;
    }

    public static string? NormaliseEmail(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? null : raw.Trim().ToLowerInvariant();

    /// <summary>张三 → 张*; 张三丰 → 张*丰; Alice Wong → A*********g.</summary>
    public static string MaskName(string name)
    {
        var letters = StringInfoElements(name.Trim());
        return letters.Length switch
        {
            0 => "",
            1 => "*",
            2 => letters[0] + "*",
            _ => letters[0] + new string('*', letters.Length - 2) + letters[^1],
        };
    }

    /// <summary>13812345678 → 138****5678; keeps the first three and the last four digits.</summary>
    public static string MaskPhone(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13) digits = digits[2..];
        return digits.Length <= 7 ? new string('*', digits.Length) : digits[..3] + new string('*', digits.Length - 7) + digits[^4..];
    }

    /// <summary>alice@example.com → a***e@example.com.</summary>
    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@');
        if (at <= 0) return new string('*', email.Length);
        // By text element, like names: an emoji at either end of the local part must not be cut in half.
        var local = StringInfoElements(email[..at]);
        var masked = local.Length <= 2 ? local[0] + "*" : local[0] + new string('*', local.Length - 2) + local[^1];
        return masked + email[at..];
    }

    private static string[] StringInfoElements(string s)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext()) list.Add((string)e.Current);
        return list.ToArray();
    }
}
