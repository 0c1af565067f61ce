using Huodong.Web.Security;

namespace Huodong.Tests.Security;

/// <summary><see cref="PersonalData"/>: phone and email normalised for blind indexes, and masked for staff (S1.3).</summary>
public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("13812345678", "+8613812345678")]
    [InlineData("138 1234 5678", "+8613812345678")]
    [InlineData(" 138-1234-5678 ", "+8613812345678")]
    [InlineData("+86 138 1234 5678", "+8613812345678")]
    [InlineData("+86-138-1234-5678", "+8613812345678")]
    [InlineData("8613812345678", "+8613812345678")]
    [InlineData("008613812345678", "+8613812345678")]
    [InlineData("+1 (415) 555-2671", "+14155552671")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("0755-8888 6666", "075588886666")] // a landline keeps its digits
    public void Phone_numbers_written_any_common_way_normalise_to_one_form(string raw, string expected)
    {
        Assert.Equal(expected, PersonalData.NormalisePhone(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("+")]
    public void A_phone_without_any_digit_normalises_to_nothing(string? raw)
    {
        Assert.Null(PersonalData.NormalisePhone(raw));
    }

    [Fact]
    public void The_same_mobile_written_three_ways_gets_the_same_normal_form_so_duplicates_are_found()
    {
        var forms = new[] { "13812345678", "+86 138 1234 5678", "0086 13812345678" }.Select(PersonalData.NormalisePhone).Distinct();
        Assert.Single(forms);
    }

    [Theory]
    [InlineData("  Alice@Example.COM ", "alice@example.com")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Emails_normalise_to_trimmed_lower_case(string? raw, string? expected)
    {
        Assert.Equal(expected, PersonalData.NormaliseEmail(raw));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张小三", "张*三")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("  张小三  ", "张*三")]
    [InlineData("张", "*")]
    [InlineData("", "")]
    [InlineData("Alice Wong", "A********g")]
    [InlineData("Bo", "B*")]
    public void Names_keep_only_their_first_and_last_character(string name, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskName(name));
    }

    [Theory]
    [InlineData("😀", "*")]
    [InlineData("😀😎", "😀*")]
    [InlineData("😀小明😎", "😀**😎")]
    [InlineData("👨‍👩‍👧‍👦小明", "👨‍👩‍👧‍👦*明")] // a family emoji is one character of seven code points
    [InlineData("e\u0301ric", "e\u0301**c")] // é written with a combining accent is one character
    public void Emoji_and_combined_characters_in_names_are_masked_whole_never_split(string name, string masked)
    {
        var result = PersonalData.MaskName(name);

        Assert.Equal(masked, result);
        Assert.True(IsWellFormed(result), "the mask split a surrogate pair");
    }

    [Theory]
    [InlineData("+8613812345678", "138****5678")]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+14155552671", "141****2671")]
    [InlineData("+442079460958", "442*****0958")]
    [InlineData("1234567", "*******")]
    [InlineData("", "")]
    public void Phones_keep_the_first_three_and_last_four_digits(string phone, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskPhone(phone));
    }

    [Theory]
    [InlineData("alice@example.com", "a***e@example.com")]
    [InlineData("ab@example.com", "a*@example.com")]
    [InlineData("a@example.com", "a*@example.com")]
    [InlineData("no-at-sign", "**********")]
    [InlineData("@example.com", "************")]
    public void Emails_keep_the_ends_of_the_local_part_and_the_domain(string email, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskEmail(email));
    }

    [Fact]
    public void An_email_starting_with_an_emoji_is_masked_without_splitting_the_character()
    {
        // Registration accepts such an address, so staff lists and the export do mask it.
        Assert.Empty(new Huodong.Web.Participation.RegistrationInput("张三", "13812345678", "😀bob😎@example.com", null).Validate());

        var masked = PersonalData.MaskEmail("😀bob😎@example.com");

        Assert.True(IsWellFormed(masked), $"the mask split a surrogate pair: {string.Join(' ', masked.Select(c => ((int)c).ToString("X4")))}");
        Assert.Equal("😀***😎@example.com", masked);
    }

    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i])) { if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false; i++; }
            else if (char.IsLowSurrogate(s[i])) return false;
        }
        return true;
    }
}
