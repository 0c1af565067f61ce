using System.Security.Claims;

namespace Huodong.Web.People;

/// <summary>Who is acting: the signed-in user's id and roles, read once from the claims principal.</summary>
public sealed record Actor(Guid? UserId, IReadOnlySet<string> RoleSet)
{
    public static readonly Actor Anonymous = new(null, new HashSet<string>());

    public bool IsSignedIn => UserId is not null;
    public Guid Id => UserId ?? throw new InvalidOperationException("Anonymous actor has no id.");
    public bool Is(string role) => RoleSet.Contains(role);
    public bool IsStaff => Roles.Staff.Any(RoleSet.Contains);

    public static Actor From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !Guid.TryParse(id, out var guid)) return Anonymous;
        return new Actor(guid, user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
    }
}
