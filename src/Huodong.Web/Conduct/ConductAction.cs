namespace Huodong.Web.Conduct;

/// <summary>What a conduct rule does to content that hits it, mildest first (the strongest hit wins).</summary>
public enum ConductAction
{
    /// <summary>Allowed as it is; a moderation case is opened.</summary>
    Flag = 1,
    /// <summary>Kept for a moderator; hidden from others until approved; the member is told it awaits review.</summary>
    Hold = 2,
    /// <summary>Refused with 422 <c>content-blocked</c>; nothing is stored.</summary>
    Block = 3,
}

/// <summary>Why content or a member is in trouble (M3.1, M3.2); the guideline table is keyed by it.</summary>
public enum ConductCategory { Illegal, Abuse, Discrimination, Advertising, Flooding, Cheating, Other }
