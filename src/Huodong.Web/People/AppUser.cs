using Microsoft.AspNetCore.Identity;

namespace Huodong.Web.People;

/// <summary>An account: a staff member or a community member (DESIGN.md "People and roles").</summary>
public class AppUser : IdentityUser<Guid>
{
    /// <summary>The public nickname shown in the portal and on the console.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Membership level 1–5 (M1.2); 0 for staff. Follows the points unless staff set it.</summary>
    public int Level { get; set; }

    /// <summary>True once staff set the level by hand: points no longer move it.</summary>
    public bool LevelSetByStaff { get; set; }

    /// <summary>The sum of the member's points ledger, kept beside it and changed in the same statement.</summary>
    public int PointsBalance { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Until when the member may not register, submit or comment (M3 penalties); null when not suspended.</summary>
    public DateTimeOffset? SuspendedUntil { get; set; }

    /// <summary>Whether the member accepts promotions and notifications by email (E1.4); on unless they turn it off.</summary>
    public bool EmailOptIn { get; set; } = true;
}
