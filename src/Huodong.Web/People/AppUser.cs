using Microsoft.AspNetCore.Identity;

namespace Huodong.Web.People;

/// <summary>An account: a staff member or a community member (DESIGN.md "People and roles").</summary>
public class AppUser : IdentityUser<Guid>
{
    /// <summary>The public nickname shown in the portal and on the console.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Membership level 1–5 (M1.2); 0 for staff.</summary>
    public int Level { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
