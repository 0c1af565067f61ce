using Huodong.Web.People;

namespace Huodong.Web.Conduct;

/// <summary>Who may do what in conduct (M3, E2.2): moderators and admins keep the lexicon and decide cases.</summary>
public static class ConductPermissions
{
    public static bool CanModerate(Actor actor) => actor.Is(Roles.Moderator) || actor.Is(Roles.Admin);
}
