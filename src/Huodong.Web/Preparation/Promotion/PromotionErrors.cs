using Huodong.Web.Shared;

namespace Huodong.Web.Preparation.Promotion;

public static class PromotionErrors
{
    public static readonly Error WrongState = new(ErrorKind.Conflict, "wrong-state",
        "A promotion can be sent only for an approved or live activity.");

    public static readonly Error NoChannels = Error.Validation(new Dictionary<string, string[]>
        { ["channels"] = ["Choose at least one channel."] });

    public static readonly Error UnknownChannel = Error.Validation(new Dictionary<string, string[]>
        { ["channels"] = ["Use Announcement, Email, WeCom, DingTalk, Feishu or Webhook."] });

    public static Error TooLong(string field) => Error.Validation(new Dictionary<string, string[]>
        { [field] = ["The text is too long."] });

    /// <summary>422 naming each missing part, in the order the regulation lists them (E1.4); the API lists them too.</summary>
    public static Error Incomplete(IReadOnlyList<PromotionPart> missing) =>
        new(ErrorKind.BusinessRule, "promotion-incomplete", "The promotion lacks: {0}.",
            [string.Join(", ", missing.Select(m => m.ToString()))],
            new Dictionary<string, string[]> { ["missing"] = missing.Select(m => m.ToString()).ToArray() });
}
