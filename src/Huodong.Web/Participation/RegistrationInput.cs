using System.Text.Json;
using Huodong.Web.Security;

namespace Huodong.Web.Participation;

/// <summary>The registration body: <c>{"realName","phone","email"?,"answers"?}</c> (M2.2: true, accurate details).</summary>
public sealed record RegistrationInput(string? RealName, string? Phone, string? Email, JsonElement? Answers)
{
    public const int MaxAnswersBytes = 8 * 1024;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(RealName)) errors["realName"] = ["Required."];
        else if (RealName.Trim().Length > 50) errors["realName"] = ["Must be at most 50 characters."];
        else if (RealName.Any(char.IsControl)) errors["realName"] = ["Contains characters that are not allowed."];

        var phone = PersonalData.NormalisePhone(Phone);
        if (string.IsNullOrWhiteSpace(Phone)) errors["phone"] = ["Required."];
        else if (phone is null || !IsPlausiblePhone(phone)) errors["phone"] = ["Enter a valid mobile number, e.g. 13812345678."];

        if (!string.IsNullOrWhiteSpace(Email) && !IsPlausibleEmail(Email.Trim()))
            errors["email"] = ["Enter a valid email address."];

        if (Answers is { } answers)
        {
            if (answers.ValueKind != JsonValueKind.Object) errors["answers"] = ["Answers must be a JSON object."];
            else if (answers.GetRawText().Length > MaxAnswersBytes) errors["answers"] = ["The answers are too long."];
        }
        return errors;
    }

    private static bool IsPlausiblePhone(string e164) =>
        e164.StartsWith("+86", StringComparison.Ordinal)
            ? e164.Length == 14 && e164[3] == '1'
            : e164.StartsWith('+') && e164.Length is >= 8 and <= 16;

    private static bool IsPlausibleEmail(string email) =>
        email.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email
        && email.IndexOf('@') is > 0 and var at && email.IndexOf('.', at) > at + 1;
}
