using System.Security.Claims;
using Huodong.Web.Shared;

namespace Huodong.Web.People.Accounts;

/// <summary>
/// How long sessions live and who must use two-factor authentication (ASVS 5.0 V6.4/V7.3, S1.1), read once from
/// configuration: <c>Security:TwoFactor:Required</c>, <c>Security:Session:IdleMinutes</c>,
/// <c>Security:Session:AbsoluteHours</c>, <c>Security:Session:StampCheckSeconds</c>.
/// </summary>
public sealed record AccountSecurity(bool TwoFactorRequired, TimeSpan Idle, TimeSpan Absolute, TimeSpan StampCheck)
{
    /// <summary>The claim that carries when the session began, as Unix seconds; renewals keep it.</summary>
    public const string SignedInAtClaim = "signed_in_at";

    /// <summary>Reviewers, Finance and Admin hold the powers worth stealing: approvals, money, accounts.</summary>
    public static readonly string[] TwoFactorRoles = [Roles.CommunityHead, Roles.Leader, Roles.Finance, Roles.Admin];

    public static readonly Error TwoFactorRequiredError = new(ErrorKind.Forbidden, "two-factor-required",
        "Your role needs two-factor authentication. Set it up on your account's security page first.");

    public static AccountSecurity From(IConfiguration config) => new(
        config.GetValue("Security:TwoFactor:Required", true),
        TimeSpan.FromMinutes(config.GetValue("Security:Session:IdleMinutes", 30.0)),
        TimeSpan.FromHours(config.GetValue("Security:Session:AbsoluteHours", 12.0)),
        TimeSpan.FromSeconds(config.GetValue("Security:Session:StampCheckSeconds", 60.0)));

    public static bool NeedsTwoFactor(Actor actor) => TwoFactorRoles.Any(actor.Is);

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(SignedInAtClaim), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>True when the session began longer ago than the absolute limit, or carries no start at all.</summary>
    public bool IsPastAbsolute(ClaimsPrincipal user, DateTimeOffset now) =>
        SignedInAt(user) is not { } at || now - at >= Absolute;
}
