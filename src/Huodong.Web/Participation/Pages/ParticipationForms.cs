namespace Huodong.Web.Participation.Pages;

/// <summary>The registration form (M2.2): what the member typed, kept when the form comes back with errors.</summary>
public sealed class RegisterForm
{
    public string? RealName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

/// <summary>A reply, task evidence or entry handed in while the activity is live (M2.1).</summary>
public sealed class EntryForm
{
    public string? Content { get; set; }
    public string? TaskKey { get; set; }
}

/// <summary>A comment, a question, or a reply to a comment when <see cref="ParentId"/> is set (E2.3).</summary>
public sealed class PostForm
{
    public string? Body { get; set; }
    public bool IsQuestion { get; set; }
    public Guid? ParentId { get; set; }
}
