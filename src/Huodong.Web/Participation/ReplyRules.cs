using Huodong.Web.Planning;

namespace Huodong.Web.Participation;

/// <summary>Reply mode (M2.1 "replying with specified content"): the keyword must appear and the reply be long enough.</summary>
public static class ReplyRules
{
    /// <summary>Null when the reply meets the rule; otherwise the localisable reason and its arguments.</summary>
    public static (string Key, object[] Args)? Check(ReplyRule? rule, string content)
    {
        if (rule is null) return null;
        var text = content.Trim();
        if (!string.IsNullOrWhiteSpace(rule.Keyword) && !text.Contains(rule.Keyword.Trim(), StringComparison.OrdinalIgnoreCase))
            return ("The reply must contain \"{0}\".", [rule.Keyword.Trim()]);
        var length = new System.Globalization.StringInfo(text).LengthInTextElements;
        if (length < rule.MinLength)
            return ("The reply must be at least {0} characters long; it has {1}.", [rule.MinLength, length]);
        return null;
    }
}
